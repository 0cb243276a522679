import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  type VisitorClient,
} from '@infocig/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../../web-widget/test/support/axe.ts';
import { type E2E, startE2E } from '../../web-widget/test/support/e2e.ts';

let e2e: E2E;
const clients: (AdvisorClient | VisitorClient)[] = [];

beforeAll(async () => {
  e2e = await startE2E('advisor-tools');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await e2e?.close();
});

const axeClean = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

const SHARED_REPLIES = [
  {
    lang: 'it',
    title: 'Stato della domanda',
    text: 'La sua domanda risulta {stato}. Se ne occupa la sede {sede}.',
  },
  { lang: 'en', title: 'Application status', text: 'Your application is {stato}.' },
  { lang: 'it', title: 'Saluto', text: 'Buongiorno, sono il suo consulente.' },
];

describe("the advisor's everyday tools", () => {
  it('a canned reply filled from the claim, notes that travel, real authors, the hand-over line', async () => {
    const { server, shot } = e2e;
    const supervisor = await server.token('supervisor');
    const put = await fetch(`${server.url}/api/supervisor/canned-replies`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ replies: SHARED_REPLIES }),
    });
    expect(put.status).toBe(200);

    const advisor = await e2e.page();
    await advisor.goto(`${server.url}/console/?persona=advisor`);
    await advisor.getByText('Connesso', { exact: true }).waitFor();
    if ((await advisor.getByTestId('availability').textContent()) !== 'Disponibile') {
      await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
    }

    // An advisor's own reply, kept with the shared ones.
    await advisor.getByRole('button', { name: 'Mostra le mie risposte' }).click();
    const mine = advisor.locator('.icc-canned');
    await mine.getByLabel('Titolo').fill('Saluto di Paolo');
    await mine.getByLabel('Testo').fill('Buongiorno, sono Paolo: vedo la pratica presso {sede}.');
    await mine.getByRole('button', { name: 'Aggiungi la risposta' }).click();
    await mine.getByRole('button', { name: 'Elimina «Saluto di Paolo»' }).waitFor();
    await axeClean(advisor);

    // The person asks about one of their applications (the person's side as a client of the
    // protocol: what it receives is what the widget shows).
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    clients.push(worker);
    await worker.next('session:ready');
    const { claims } = await worker.ok('claims:get', {});
    const application = claims[0];
    const { conversation } = await worker.ok('chat:request', {
      topic: 'Stato della mia domanda',
      applicationId: application?.applicationId,
    });
    expect((await worker.next('chat:assigned')).advisorName).toBe('Paolo Romano');
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();

    // `/` opens the canned replies; typing filters them; Enter inserts the one chosen, filled.
    const reply = advisor.getByRole('combobox', { name: 'Risposta' });
    await reply.pressSequentially('/');
    const list = advisor.getByRole('listbox', { name: 'Risposte predefinite' });
    await list.waitFor();
    expect(await list.getByRole('option').count()).toBe(4);
    await reply.pressSequentially('sta');
    await expect
      .poll(() => list.getByRole('option').allTextContents())
      .toEqual(['Stato della domanda italiano · condivisa', 'Application status inglese · condivisa']);
    expect(await reply.getAttribute('aria-expanded')).toBe('true');
    await axeClean(advisor);
    await shot(advisor, 'console-canned-picker');
    await reply.press('ArrowDown');
    await reply.press('ArrowUp');
    expect(await reply.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    await reply.press('Enter');
    await list.waitFor({ state: 'hidden' });
    const filled = await reply.inputValue();
    expect(filled).toMatch(/^La sua domanda risulta [a-zà-ù ()]+\. Se ne occupa la sede .+\.$/);
    expect(filled).toContain(`la sede ${application?.inpsOffice}.`);
    expect(filled).not.toContain('[?]');
    expect(filled).not.toContain('{');
    // Editable before it goes out.
    await reply.press('End');
    await reply.pressSequentially(' Resto a disposizione.');
    await reply.press('Enter');
    const sent = `${filled} Resto a disposizione.`;
    expect((await worker.next('chat:message', (m) => m.text === sent)).author).toBe('advisor');
    await advisor.locator('.ic-own').getByText(sent).waitFor();

    // A note at any time: shown to advisors only.
    await advisor.getByRole('button', { name: 'Aggiungi una nota interna' }).click();
    await advisor.getByLabel('Nota interna (la persona non la vede)').fill('Ha già inviato il modello SR41.');
    await axeClean(advisor);
    await advisor.getByRole('button', { name: 'Salva la nota' }).click();
    const notes = advisor.locator('.icc-notes');
    // The saved note, not the form's text, which clears only once the server has acknowledged it.
    await notes.locator('.ic-message-text').getByText('Ha già inviato il modello SR41.').waitFor();
    await axeClean(advisor);
    await shot(advisor, 'console-note');

    // A colleague takes the chat: they read the note; the person reads the hand-over.
    const colleague = await connectAdvisor(
      server.url,
      await server.token({ sub: 'GLLMRC80A01H501X', role: 'advisor', name: 'Marco Gallo' }),
    );
    clients.push(colleague);
    await colleague.next('session:ready');
    await advisor.getByRole('button', { name: 'Trasferisci', exact: true }).click();
    await advisor.getByRole('radio', { name: /^Marco Gallo/ }).check();
    await advisor.getByLabel('Nota interna per chi riceve la chat (obbligatoria)').fill('Per te, Marco.');
    await advisor.getByRole('button', { name: 'Trasferisci la chat' }).click();
    const taken = await colleague.next('chat:assigned');
    expect(taken.notes.map((n) => [n.authorName, n.text])).toEqual([
      ['Paolo Romano', 'Ha già inviato il modello SR41.'],
      ['Paolo Romano', 'Per te, Marco.'],
    ]);
    const handover = await worker.next('chat:message', (m) => m.notice?.kind === 'handover');
    expect(handover).toMatchObject({ author: 'system', notice: { reason: 'transferred' } });
    expect(handover.text).toContain('La conversazione passa a un altro consulente.');
    expect(await worker.next('chat:assigned', (a) => a.reason === 'transferred')).toMatchObject({
      advisorName: 'Marco Gallo',
    });
    expect(JSON.stringify(worker.received)).not.toContain('SR41');

    // The colleague answers, then hands the chat back: the first console names them, not "Tu".
    await colleague.ok('chat:send', {
      conversationId: taken.id,
      clientMessageId: 'mg-1',
      text: 'Sono Marco, verifico io.',
    });
    const { advisors } = await colleague.ok('advisors:list', {});
    const paolo = advisors.find((a) => a.name === 'Paolo Romano');
    await colleague.ok('chat:transfer', {
      conversationId: taken.id,
      to: { advisorId: paolo?.advisorId },
      note: 'Di nuovo a te.',
    });
    const fromColleague = advisor.locator('.ic-messages li').filter({ hasText: 'Sono Marco, verifico io.' });
    await fromColleague.waitFor();
    expect(await fromColleague.locator('.ic-message-meta .ic-strong').textContent()).toBe('Marco Gallo');
    expect(await fromColleague.getAttribute('class')).toContain('ic-other');
    const own = advisor.locator('.ic-messages li').filter({ hasText: 'Resto a disposizione.' });
    expect(await own.locator('.ic-message-meta .ic-strong').textContent()).toBe('Tu');
    await notes.locator('.ic-message-text').getByText('Di nuovo a te.').waitFor();
    // The person's hand-over lines are part of the transcript: one for each move.
    const lines = advisor.locator('.ic-messages .ic-system');
    expect(await lines.count()).toBe(2);
    expect(await lines.last().locator('.ic-message-text').textContent()).toBe(
      'La conversazione passa a un altro consulente.',
    );
    expect(worker.all('chat:message').filter((m) => m.notice?.kind === 'handover')).toHaveLength(2);
    await axeClean(advisor);
    await shot(advisor, 'console-back-from-colleague');

    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    await advisor.getByRole('radio', { name: 'Risolto in chat' }).check();
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    expect(await worker.next('chat:closed')).toMatchObject({
      conversationId: conversation.id,
      closedBy: 'advisor',
    });
    await axeClean(advisor);
  });
});
