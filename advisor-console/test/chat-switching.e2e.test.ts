import { connectVisitor, type VisitorClient } from '@infocig/server/testing';
import { codiceFiscaleCheckChar, NAMESPACES } from '@infocig/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../../web-widget/test/support/e2e.ts';

let e2e: E2E;
let advisor: Page;
const visitors: VisitorClient[] = [];
const chats: { person: (typeof PEOPLE)[number]; visitor: VisitorClient; id: string; sent: string[] }[] = [];

beforeAll(async () => {
  e2e = await startE2E('chat-switching', { ADVISOR_DEFAULT_CAPACITY: '3' });
});

afterAll(async () => {
  for (const v of visitors) v.close();
  // Fails the suite if the console logged any error or warning (React's key warnings included).
  await e2e?.close();
});

/** Three people; each one's messages carry their marker, so a message under the wrong chat shows. */
const PEOPLE = [
  { first15: 'BNCLRA80A41H501', name: 'Laura Bianchi', marker: 'BIANCHI' },
  { first15: 'VRDGPP75B12H501', name: 'Giuseppe Verdi', marker: 'VERDI' },
  { first15: 'NREFBA90C53H501', name: 'Fabia Neri', marker: 'NERI' },
].map((p) => ({ ...p, cf: `${p.first15}${codiceFiscaleCheckChar(p.first15)}` }));

interface Rendered {
  heading: string | null;
  lists: number;
  listConversation: string | null;
  messages: { text: string; conversationId: string | null }[];
}

/** One synchronous look at the chat column: what a person at the screen would see at that instant. */
const rendered = (page: Page) =>
  page.evaluate((): Rendered => {
    const lists = document.querySelectorAll('.icc-chat .ic-messages');
    return {
      heading: document.querySelector('#icc-chat-title')?.textContent ?? null,
      lists: lists.length,
      listConversation: lists[0]?.getAttribute('data-conversation-id') ?? null,
      messages: [...document.querySelectorAll('.icc-chat .ic-messages li')].map((li) => ({
        text: li.querySelector('.ic-message-text')?.textContent ?? '',
        conversationId: li.getAttribute('data-conversation-id'),
      })),
    };
  });

describe('an advisor switching among three chats', () => {
  it('only ever shows the selected person’s messages, in one list', async () => {
    const { server } = e2e;
    advisor = await e2e.page();
    await advisor.goto(`${server.url}/console/?persona=advisor`);
    await advisor.getByText('Connesso', { exact: true }).waitFor();
    if ((await advisor.getByTestId('availability').textContent()) !== 'Disponibile') {
      await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
    }

    for (const person of PEOPLE) {
      const token = await server.token({
        sub: person.cf,
        role: 'lavoratore',
        name: person.name,
        province: 'RM',
      });
      const visitor = await connectVisitor(server.url, token);
      visitors.push(visitor);
      await visitor.next('session:ready');
      const { conversation } = await visitor.ok('chat:request', { topic: `Domanda ${person.marker}` });
      await visitor.next('chat:assigned', (a) => a.conversationId === conversation.id);
      chats.push({ person, visitor, id: conversation.id, sent: [] });
    }
    const nav = advisor.getByRole('navigation');
    for (const { person } of chats)
      await nav.getByRole('button', { name: new RegExp(person.name) }).waitFor();

    let n = 0;
    const write = async (chat: (typeof chats)[number]) => {
      const text = `${chat.person.marker} messaggio ${++n}`;
      chat.sent.push(text);
      await chat.visitor.ok('chat:send', { conversationId: chat.id, clientMessageId: `m${n}`, text });
    };
    for (const chat of chats) await write(chat);

    for (let i = 0; i < 20; i++) {
      const chat = chats[i % chats.length]!;
      // Messages land in all three while the advisor moves: one in flight during the switch.
      const arriving = Promise.all(chats.map(write));
      await nav.getByRole('button', { name: new RegExp(chat.person.name) }).click();
      await advisor.getByRole('heading', { name: chat.person.name, level: 2 }).waitFor();
      await arriving;
      if (i % 4 === 0) {
        const reply = `Risposta a ${chat.person.marker} ${i}`;
        chat.sent.push(reply);
        await advisor.getByLabel('Risposta').fill(reply);
        await advisor.getByLabel('Risposta').press('Enter');
      }
      // The newest message of this chat is on screen: the view caught up with the store.
      await advisor.locator('.ic-messages').getByText(chat.sent.at(-1)!, { exact: true }).waitFor();

      const view = await rendered(advisor);
      expect(view.heading).toBe(chat.person.name);
      expect(view.lists).toBe(1);
      expect(view.listConversation).toBe(chat.id);
      expect(view.messages.length).toBeGreaterThan(0);
      for (const m of view.messages) {
        expect(m.text).toContain(chat.person.marker);
        expect(m.conversationId).toBe(chat.id);
      }
    }

    // Nothing was lost either: each chat shows exactly what was written in it, once.
    for (const chat of chats) {
      await nav.getByRole('button', { name: new RegExp(chat.person.name) }).click();
      await advisor.locator('.ic-messages').getByText(chat.sent.at(-1)!, { exact: true }).waitFor();
      const view = await rendered(advisor);
      expect(view.messages.map((m) => m.text).sort()).toEqual([...chat.sent].sort());
    }
    await e2e.shot(advisor, 'console-three-chats');
  });

  it('fetches again a message whose push it missed, once the next one shows the hole', async () => {
    const { server } = e2e;
    const chat = chats[0]!;
    await advisor
      .getByRole('navigation')
      .getByRole('button', { name: new RegExp(chat.person.name) })
      .click();
    await advisor.getByRole('heading', { name: chat.person.name, level: 2 }).waitFor();
    // The advisor's sockets stop hearing their pushes for one message, as when a process's
    // subscription to Redis was away while it was published.
    const sockets = [...server.app.io.of(NAMESPACES.advisor).sockets.values()];
    const rooms = sockets.map((s) => [...s.rooms].filter((room) => room.startsWith('a:')));
    sockets.forEach((s, i) => {
      for (const room of rooms[i]!) s.leave(room);
    });
    const missed = `${chat.person.marker} mai arrivato`;
    await chat.visitor.ok('chat:send', { conversationId: chat.id, clientMessageId: 'missed', text: missed });
    sockets.forEach((s, i) => {
      for (const room of rooms[i]!) s.join(room);
    });
    const next = `${chat.person.marker} dopo il buco`;
    await chat.visitor.ok('chat:send', {
      conversationId: chat.id,
      clientMessageId: 'after-hole',
      text: next,
    });

    const messages = advisor.locator('.ic-messages');
    await messages.getByText(next, { exact: true }).waitFor();
    await messages.getByText(missed, { exact: true }).waitFor({ timeout: 15_000 });
    const view = await rendered(advisor);
    const texts = view.messages.map((m) => m.text);
    expect(texts.indexOf(missed)).toBe(texts.indexOf(next) - 1);
    expect(texts.filter((t) => t === next)).toHaveLength(1);
  });
});
