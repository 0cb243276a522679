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
let worker: VisitorClient;
let advisor: AdvisorClient;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer();
  advisor = await connectAdvisor(server.url, await server.token('advisor'));
  await advisor.next('session:ready');
  worker = await connectVisitor(server.url, await server.token('worker-rm'));
  conversationId = (await worker.ok('chat:request', {})).conversation.id;
  await advisor.next('chat:assigned');
});
afterAll(async () => {
  worker.close();
  advisor.close();
  await server.close();
});

describe('typing indicators and read receipts', () => {
  it('tells the other side who is typing, and when they stop', async () => {
    await worker.ok('chat:typing', { conversationId, typing: true });
    expect(await advisor.next('chat:typing')).toEqual({ conversationId, author: 'visitor', typing: true });
    await advisor.ok('chat:typing', { conversationId, typing: true });
    expect(await worker.next('chat:typing')).toEqual({ conversationId, author: 'advisor', typing: true });
    await worker.ok('chat:typing', { conversationId, typing: false });
    expect(await advisor.next('chat:typing', (t) => !t.typing)).toMatchObject({ typing: false });
    expect(worker.all('chat:typing').filter((t) => t.author === 'visitor')).toEqual([]);
  });

  it('records how far each side has read, never backwards and never past the last message', async () => {
    for (const n of [1, 2, 3])
      await worker.ok('chat:send', { conversationId, clientMessageId: `r-${n}`, text: `Messaggio ${n}` });
    expect(await advisor.ok('chat:read', { conversationId, seq: 2 })).toEqual({ seq: 2 });
    expect(await worker.next('chat:read')).toEqual({ conversationId, reader: 'advisor', seq: 2 });
    expect(await advisor.ok('chat:read', { conversationId, seq: 1 })).toEqual({ seq: 2 });
    expect(await advisor.ok('chat:read', { conversationId, seq: 99 })).toEqual({ seq: 3 });
    await worker.next('chat:read', (r) => r.seq === 3);
    expect(worker.all('chat:read').map((r) => r.seq)).toEqual([2, 3]);

    const again = await connectAdvisor(server.url, await server.token('advisor'));
    const ready = await again.next('session:ready');
    expect(ready.conversations.find((c) => c.id === conversationId)?.readUpTo).toEqual({
      visitor: 0,
      advisor: 3,
    });
    again.close();
  });

  it("refuses signals on someone else's conversation", async () => {
    const other = await connectVisitor(server.url, await server.token('worker-na'));
    const typing = await other.request('chat:typing', { conversationId, typing: true });
    expect(typing).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const read = await other.request('chat:read', { conversationId, seq: 1 });
    expect(read).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    other.close();
  });
});
