import { ClaimSummarySchema } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectAdvisor,
  connectVisitor,
  numberedWorker,
  startAssignedChat,
  startTestServer,
  type TestServer,
} from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a worker and an advisor complete a conversation', () => {
  it('answers from the claims store, queues, assigns, carries messages both ways and closes', async () => {
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));

    const { claims } = await worker.next('claims:status');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(ClaimSummarySchema.parse(claim)).toEqual(claim);
    expect(claims.flatMap((c) => c.payments).length).toBeGreaterThan(0);
    expect((await worker.next('session:ready')).conversation).toBeNull();

    const { conversation } = await worker.ok('chat:request', { topic: 'Pagamento di marzo' });
    expect(conversation).toMatchObject({ status: 'queued', position: 1, lastSeq: 0 });

    const first = await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'w-1',
      text: 'Buongiorno',
    });
    expect(first).toMatchObject({ seq: 1, duplicate: false });

    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    const assigned = await advisor.next('chat:assigned');
    expect(assigned).toMatchObject({
      id: conversation.id,
      queue: 'workers',
      topic: 'Pagamento di marzo',
      visitor: { displayName: 'Mario Rossi', role: 'lavoratore', province: 'RM' },
    });
    expect(assigned.claims).toEqual(claims);
    expect(assigned.messages.map((m) => m.text)).toEqual(['Buongiorno']);
    const audit = await server.app.db.query<{ actor_cf: string; what: string; conversation_id: string }>(
      'SELECT actor_cf, what, conversation_id FROM access_audit WHERE subject_cf = $1',
      ['RSSMRA80D12H501G'],
    );
    expect(audit).toEqual([
      { actor_cf: 'RMNPLA85P15H501Q', what: 'claims,transcript', conversation_id: conversation.id },
    ]);
    const { entries } = await worker.ok('privacy:access-log', {});
    expect(entries).toEqual([
      expect.objectContaining({
        actorName: 'Paolo Romano',
        actorRole: 'advisor',
        purpose: 'assigned chat',
        outcome: 'granted',
      }),
    ]);
    const assignedToWorker = await worker.next('chat:assigned');
    expect(assignedToWorker).toEqual({ conversationId: conversation.id, advisorName: 'Paolo Romano' });

    const reply = await advisor.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'a-1',
      text: 'Buongiorno, vedo la sua pratica.',
    });
    expect(reply.seq).toBe(2);
    const atWorker = await worker.next('chat:message', (m) => m.seq === 2);
    expect(atWorker).toMatchObject({
      author: 'advisor',
      authorName: 'Paolo Romano',
      text: 'Buongiorno, vedo la sua pratica.',
    });

    await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'w-2',
      text: 'Quando arriva il pagamento?',
    });
    const atAdvisor = await advisor.next('chat:message', (m) => m.seq === 3);
    expect(atAdvisor).toMatchObject({
      author: 'visitor',
      authorName: 'Mario Rossi',
      text: 'Quando arriva il pagamento?',
    });

    const resend = await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'w-2',
      text: 'Quando arriva il pagamento?',
    });
    expect(resend).toMatchObject({ seq: 3, duplicate: true });

    const history = await worker.ok('chat:history', { conversationId: conversation.id, afterSeq: 1 });
    expect(history.messages.map((m) => m.seq)).toEqual([2, 3]);
    expect(history.hasMore).toBe(false);

    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    expect(await worker.next('chat:closed')).toEqual({
      conversationId: conversation.id,
      closedBy: 'advisor',
    });
    const late = await worker.request('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'w-3',
      text: 'Grazie',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONVERSATION_CLOSED' } });

    worker.close();
    advisor.close();
  });

  it("pushes a message to the other side and the author's other tabs, not back to the socket that sent it", async () => {
    const { advisor, visitor, conversation } = await startAssignedChat(server, numberedWorker('ECHOES', 1));
    const conversationId = conversation.id;
    const visitorTab = await connectVisitor(server.url, await server.token(numberedWorker('ECHOES', 1)));
    await visitorTab.next('session:ready');
    const advisorTab = await connectAdvisor(server.url, await server.token('advisor'));
    await advisorTab.next('session:ready');

    const sent = await visitor.ok('chat:send', { conversationId, clientMessageId: 'e-1', text: 'Ci sono?' });
    const first = { seq: sent.seq, text: 'Ci sono?' };
    const isFirst = (m: { clientMessageId: string }) => m.clientMessageId === 'e-1';
    expect(await visitorTab.next('chat:message', isFirst)).toMatchObject(first);
    expect(await advisor.next('chat:message', isFirst)).toMatchObject(first);
    expect(await advisorTab.next('chat:message', isFirst)).toMatchObject(first);
    const answer = await advisor.ok('chat:send', { conversationId, clientMessageId: 'e-2', text: 'Sì' });
    const isAnswer = (m: { clientMessageId: string }) => m.clientMessageId === 'e-2';
    expect(await visitor.next('chat:message', isAnswer)).toMatchObject({ seq: answer.seq });
    expect(await visitorTab.next('chat:message', isAnswer)).toMatchObject({ seq: answer.seq });
    expect(await advisorTab.next('chat:message', isAnswer)).toMatchObject({ seq: answer.seq });
    // Each sender had its own message only from the ack, never pushed.
    expect(
      visitor.received.filter((r) => r.event === 'chat:message').map((r) => r.payload),
    ).not.toContainEqual(expect.objectContaining({ clientMessageId: 'e-1' }));
    expect(
      advisor.received.filter((r) => r.event === 'chat:message').map((r) => r.payload),
    ).not.toContainEqual(expect.objectContaining({ clientMessageId: 'e-2' }));
    await advisor.ok('chat:close', { conversationId, outcome: 'settled' });
    for (const client of [visitor, visitorTab, advisor, advisorTab]) client.close();
  });

  it('gives a reconnecting visitor their open conversation to resume', async () => {
    const token = await server.token('worker-na');
    const first = await connectVisitor(server.url, token);
    const { conversation } = await first.ok('chat:request', {});
    await first.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'n-1', text: 'Salve' });
    first.close();

    const again = await connectVisitor(server.url, token);
    const ready = await again.next('session:ready');
    expect(ready.conversation).toMatchObject({ id: conversation.id, lastSeq: 1 });
    const twice = await again.ok('chat:request', {});
    expect(twice.conversation.id).toBe(conversation.id);
    await again.ok('chat:close', { conversationId: conversation.id });
    again.close();
  });

  it('gives an advisor who frees a slot the next waiting chat, oldest first', async () => {
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    await advisor.ok('advisor:availability', { availability: 'paused' });

    const people = ['A', 'B', 'C', 'D'].map((letter, i) => ({
      sub: `QUEUE${letter}00A01H501${i}`,
      role: 'lavoratore' as const,
      name: `Visitatore ${letter}`,
      province: 'RM',
    }));
    const visitors = await Promise.all(
      people.map(async (p) => connectVisitor(server.url, await server.token(p))),
    );
    const ids: string[] = [];
    for (const v of visitors) ids.push((await v.ok('chat:request', {})).conversation.id);
    const lastPosition = await visitors[3]!.next('queue:position', (p) => p.position === 4);
    expect(lastPosition.conversationId).toBe(ids[3]);

    const { activeChats } = await advisor.ok('advisor:availability', { availability: 'available' });
    expect(activeChats).toBe(0);
    const capacity = server.config.advisorDefaultCapacity;
    for (let i = 0; i < capacity; i++) {
      expect((await advisor.next('chat:assigned', (c) => c.id === ids[i])).id).toBe(ids[i]);
    }
    expect(await visitors[3]!.next('queue:position', (p) => p.position === 1)).toBeTruthy();
    expect(advisor.all('chat:assigned').map((c) => c.id)).not.toContain(ids[3]);

    await advisor.ok('chat:close', { conversationId: ids[0]!, outcome: 'settled' });
    expect((await advisor.next('chat:assigned', (c) => c.id === ids[3])).visitor.displayName).toBe(
      'Visitatore D',
    );
    for (const v of visitors) v.close();
    advisor.close();
  });
});
