import { codiceFiscaleCheckChar } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ADVISOR_GRACE_SECONDS: '1' } });
});
afterAll(() => server.close());

const cf = (first15: string) => `${first15}${codiceFiscaleCheckChar(first15)}`;
const staff = (n: number) => ({
  sub: cf(`CNSACC80A0${n}H501`),
  role: 'advisor' as const,
  name: `Consulente ${n}`,
});
const person = (n: number) => ({
  sub: cf(`PRSACC70A4${n}H501`),
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});

interface AuditRow {
  actor_cf: string;
  actor_name: string;
  what: string;
  purpose: string;
  outcome: string;
}

const auditOf = (conversationId: string, actor: string) =>
  server.app.db.query<AuditRow>(
    `SELECT actor_cf, actor_name, what, purpose, outcome FROM access_audit
       WHERE conversation_id = $1 AND actor_cf = $2 ORDER BY id`,
    [conversationId, actor],
  );

async function advisorOf(n: number, queues: ('workers' | 'employers')[] = ['workers']) {
  const advisor = await connectAdvisor(server.url, await server.token(staff(n)));
  await advisor.next('session:ready');
  await advisor.ok('advisor:settings', { queues, capacity: 3 });
  await advisor.ok('advisor:availability', { availability: 'available' });
  return advisor;
}

/** A worker's chat, assigned to `advisor`, with a message each way and the advisor's history read once. */
async function chatWith(advisor: AdvisorClient, n: number) {
  const visitor = await connectVisitor(server.url, await server.token(person(n)));
  await visitor.next('session:ready');
  const { conversation } = await visitor.ok('chat:request', { topic: 'Pagamento' });
  const id = conversation.id;
  await advisor.next('chat:assigned', (c) => c.id === id);
  await visitor.ok('chat:send', { conversationId: id, clientMessageId: 'q', text: 'Quando pagate?' });
  await advisor.ok('chat:send', { conversationId: id, clientMessageId: 'a', text: 'Verifico' });
  const page = await advisor.ok('chat:history', { conversationId: id, afterSeq: 0 });
  expect(page.messages.map((m) => m.text)).toEqual(['Quando pagate?', 'Verifico']);
  return { visitor, id };
}

/** Every command a former advisor could still try on the chat; each must be refused. */
async function expectRefused(advisor: AdvisorClient, conversationId: string) {
  const attempts: [string, object][] = [
    ['chat:history', { conversationId, afterSeq: 0 }],
    ['chat:send', { conversationId, clientMessageId: 'late', text: 'Ancora io' }],
    ['chat:typing', { conversationId, typing: true }],
    ['chat:read', { conversationId, seq: 1 }],
    ['chat:transfer', { conversationId, to: { queue: 'employers' }, note: 'Nota tardiva' }],
    ['chat:note', { conversationId, text: 'Nota tardiva' }],
    ['chat:close', { conversationId, outcome: 'settled' }],
  ];
  for (const [command, payload] of attempts) {
    const out = await advisor.request(command as 'chat:history', payload);
    expect({ command, out }).toMatchObject({
      command,
      out: { ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } },
    });
  }
  return attempts.length;
}

/** The audit holds one granted history read (before) and one refusal per attempt (after). */
async function expectAudited(conversationId: string, n: number, refusals: number, purpose: string) {
  const rows = await auditOf(conversationId, staff(n).sub);
  const reads = rows.filter((r) => r.purpose === 'chat history');
  expect(reads).toEqual([
    {
      actor_cf: staff(n).sub,
      actor_name: staff(n).name,
      what: 'transcript',
      purpose: 'chat history',
      outcome: 'granted',
    },
  ]);
  const refused = rows.filter((r) => r.outcome === 'refused');
  expect(refused).toHaveLength(refusals);
  for (const r of refused)
    expect(r).toMatchObject({ actor_name: staff(n).name, what: 'transcript', purpose });
}

const done: { visitor: VisitorClient; id: string }[] = [];
afterAll(async () => {
  // Chats left waiting are closed, so no later test's advisor is handed one.
  for (const { visitor, id } of done) {
    await visitor.request('chat:close', { conversationId: id });
    visitor.close();
  }
});

describe("an advisor's access ends when their part in a chat ends", () => {
  it('after they close it: history, send, typing, read, notes and close are refused and audited', async () => {
    const advisor = await advisorOf(1);
    const { visitor, id } = await chatWith(advisor, 1);
    await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });
    await advisor.next('chat:closed', (c) => c.conversationId === id);
    done.push({ visitor, id });

    const refusals = await expectRefused(advisor, id);
    await expectAudited(id, 1, refusals, 'chat no longer open');
    // The person's own transcript stays theirs to read.
    expect((await visitor.ok('chat:history', { conversationId: id, afterSeq: 0 })).messages).toHaveLength(2);
    advisor.close();
  });

  it('after the person closes it, the same', async () => {
    const advisor = await advisorOf(2);
    const { visitor, id } = await chatWith(advisor, 2);
    await visitor.ok('chat:close', { conversationId: id });
    await advisor.next('chat:closed', (c) => c.conversationId === id && c.closedBy === 'visitor');
    done.push({ visitor, id });

    await expectAudited(id, 2, await expectRefused(advisor, id), 'chat no longer open');
    advisor.close();
  });

  it('after a transfer to a colleague: the chat leaves their console, the colleague reads it', async () => {
    const advisor = await advisorOf(3);
    const { visitor, id } = await chatWith(advisor, 3);
    await advisor.ok('advisor:availability', { availability: 'paused' });
    const colleague = await advisorOf(4);
    const { advisors } = await advisor.ok('advisors:list', {});
    const to = advisors.find((a) => a.name === staff(4).name);
    await advisor.ok('chat:transfer', {
      conversationId: id,
      to: { advisorId: to?.advisorId },
      note: 'Per te',
    });
    expect(await advisor.next('chat:released')).toEqual({ conversationId: id, reason: 'transferred' });
    await colleague.next('chat:assigned', (c) => c.id === id);
    done.push({ visitor, id });

    await expectAudited(id, 3, await expectRefused(advisor, id), 'chat not assigned to the advisor');
    const page = await colleague.ok('chat:history', { conversationId: id, afterSeq: 0 });
    // Both messages and the person's hand-over notice.
    expect(page.messages).toHaveLength(3);
    expect((await auditOf(id, staff(4).sub)).filter((r) => r.purpose === 'chat history')).toHaveLength(1);
    await colleague.ok('chat:close', { conversationId: id, outcome: 'settled' });
    advisor.close();
    colleague.close();
  });

  it('after handing it back to a queue nobody serves yet', async () => {
    const advisor = await advisorOf(5);
    const { visitor, id } = await chatWith(advisor, 5);
    await advisor.ok('chat:transfer', { conversationId: id, to: { queue: 'employers' }, note: 'Aziende' });
    expect(await advisor.next('chat:released')).toEqual({ conversationId: id, reason: 'transferred' });
    await visitor.next('chat:requeued', (r) => r.conversationId === id);
    done.push({ visitor, id });

    await expectAudited(id, 5, await expectRefused(advisor, id), 'chat not assigned to the advisor');
    advisor.close();
  });

  it('after the grace period returned it to the queue: on return the chat is not theirs', async () => {
    const token = await server.token(staff(6));
    const advisor = await advisorOf(6);
    const { visitor, id } = await chatWith(advisor, 6);
    // Paused, so that the chat is not handed straight back to them when they return.
    await advisor.ok('advisor:availability', { availability: 'paused' });
    advisor.close();
    expect(await visitor.next('chat:requeued', (r) => r.conversationId === id)).toMatchObject({
      reason: 'advisor_left',
    });
    done.push({ visitor, id });

    const back = await connectAdvisor(server.url, token);
    const ready = await back.next('session:ready');
    expect(ready.availability).toBe('paused');
    expect(ready.conversations.map((c) => c.id)).not.toContain(id);
    await expectAudited(id, 6, await expectRefused(back, id), 'chat not assigned to the advisor');
    back.close();
  });

  it('the person typing or reading after the close no longer reaches the former advisor', async () => {
    const advisor = await advisorOf(7);
    const { visitor, id } = await chatWith(advisor, 7);
    await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });
    await visitor.next('chat:closed', (c) => c.conversationId === id);
    done.push({ visitor, id });
    await visitor.ok('chat:typing', { conversationId: id, typing: true });
    await visitor.ok('chat:read', { conversationId: id, seq: 2 });
    // A later push on the same socket proves the earlier ones would have arrived by now.
    await advisor.ok('advisor:availability', { availability: 'paused' });
    await advisor.next('advisor:profile', (p) => p.availability === 'paused');
    expect(advisor.all('chat:typing').filter((t) => t.conversationId === id)).toEqual([]);
    expect(advisor.all('chat:read').filter((r) => r.conversationId === id)).toEqual([]);
    advisor.close();
  });
});
