import { describe, expect, it } from 'vitest';
import { serverOnCuttableStore } from '../support/cuttable-store.ts';
import { connectAdvisor, connectVisitor, startAssignedChat, timed, until } from '../support/index.ts';

const store = serverOnCuttableStore('fault');
const cutStore = () => store.cut();
const restoreStore = () => store.restore();

describe('when the claims store is unreachable', () => {
  it('a new visitor still gets a session, is told claims are unavailable and gets them when the store is back; chats under way go on, and a chat taken meanwhile is announced to both sides once it is back', async () => {
    const { server } = store;
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    // A chat that was under way before the outage.
    const earlier = await connectVisitor(server.url, await server.token('worker-na'));
    await earlier.next('session:ready');
    const { conversation: ongoing } = await earlier.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === ongoing.id);
    await cutStore();
    try {
      const visitor = await connectVisitor(server.url, await server.token('worker-rm'));
      const ready = await visitor.next('session:ready');
      expect(ready.admission.admitted).toBe(true);
      const unavailable = await visitor.next('claims:unavailable');
      expect(unavailable.code).toBe('SERVICE_UNAVAILABLE');
      expect(visitor.all('claims:status')).toEqual([]);
      expect(visitor.socket.connected).toBe(true);

      const claims = await timed(() => visitor.request('claims:get', {}));
      expect(claims.answer).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
      expect(claims.ms).toBeLessThanOrEqual(1_000);

      const token = await server.token('worker-rm');
      const rest = await timed(() =>
        fetch(`${server.url}/api/me/claims`, { headers: { authorization: `Bearer ${token}` } }),
      );
      expect(rest.answer.status).toBe(503);
      expect(rest.answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await rest.answer.json()) as { error: { code: string } }).error.code).toBe(
        'SERVICE_UNAVAILABLE',
      );
      expect(rest.ms).toBeLessThanOrEqual(1_000);
      console.info(`store down: claims:get answered in ${claims.ms} ms, GET /api/me/claims in ${rest.ms} ms`);

      // Chat needs only Redis: the chat under way goes on both ways.
      await earlier.ok('chat:send', {
        conversationId: ongoing.id,
        clientMessageId: 'store-down-1',
        text: 'Ci siete?',
      });
      await advisor.next('chat:message', (m) => m.clientMessageId === 'store-down-1');
      await advisor.ok('chat:send', {
        conversationId: ongoing.id,
        clientMessageId: 'store-down-2',
        text: 'Sì',
      });
      await earlier.next('chat:message', (m) => m.clientMessageId === 'store-down-2');

      // A new chat is taken, but announced to both sides or to neither: the advisor's view of it
      // is an audited read of the store, so neither hears of it until the store is back.
      const { conversation } = await visitor.ok('chat:request', {});
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(visitor.all('chat:assigned')).toEqual([]);
      expect(advisor.all('chat:assigned').filter((c) => c.id === conversation.id)).toEqual([]);

      await restoreStore();
      const restoredAt = performance.now();
      await Promise.all([
        visitor.next('chat:assigned', (a) => a.conversationId === conversation.id, 20_000),
        advisor.next('chat:assigned', (c) => c.id === conversation.id, 20_000),
      ]);
      console.info(
        `store back: the chat taken meanwhile announced to both after ${Math.round(performance.now() - restoredAt)} ms`,
      );
      await visitor.ok('chat:send', {
        conversationId: conversation.id,
        clientMessageId: 'after-1',
        text: 'Eccomi',
      });
      await advisor.next('chat:message', (m) => m.clientMessageId === 'after-1');
      const pushed = await visitor.next('claims:status', () => true, 20_000);
      expect(pushed.claims.length).toBeGreaterThan(0);
      expect(await visitor.ok('claims:get', {})).toMatchObject({ claims: pushed.claims });
      await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
      await advisor.ok('chat:close', { conversationId: ongoing.id, outcome: 'settled' });
      visitor.close();
      earlier.close();
    } finally {
      await restoreStore();
      advisor.close();
    }
  });

  it('keeps a chat closed while the store is down in Redis, readable by its visitor, and archives it once the store is back', async () => {
    const { server } = store;
    const { redis, keys } = server.app;
    const { advisor, visitor, conversation } = await startAssignedChat(server, 'worker-na');
    const id = conversation.id;
    await visitor.ok('chat:send', { conversationId: id, clientMessageId: 'closing-1', text: 'Grazie' });
    await cutStore();
    try {
      await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await redis.zscore(keys.unarchived(), id)).not.toBeNull();
      const page = await visitor.ok('chat:history', { conversationId: id, afterSeq: 0, limit: 10 });
      expect(page.messages.map((m) => m.text)).toEqual(['Grazie']);
      // Its transcript comes from Redis; one that would have to come from the archive cannot.
      const token = await server.token('worker-na');
      const transcript = (conversationId: string) =>
        timed(() =>
          fetch(`${server.url}/api/me/conversations/${conversationId}/transcript`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        );
      expect((await transcript(id)).answer.status).toBe(200);
      const archived = await transcript('01ARZ3NDEKTSV4RRFFQ69G5FAV');
      expect(archived.answer.status).toBe(503);
      expect(((await archived.answer.json()) as { error: { code: string } }).error.code).toBe(
        'SERVICE_UNAVAILABLE',
      );
      expect(archived.ms).toBeLessThanOrEqual(1_000);
    } finally {
      await restoreStore();
    }
    const restoredAt = performance.now();
    await until(
      async () => (await redis.exists(keys.conversation(id))) === 0,
      'archived by the sweep',
      20_000,
    );
    console.info(
      `store back: the chat closed meanwhile archived after ${Math.round(performance.now() - restoredAt)} ms`,
    );
    const page = await visitor.ok('chat:history', { conversationId: id, afterSeq: 0, limit: 10 });
    expect(page.messages.map((m) => m.text)).toEqual(['Grazie']);
    visitor.close();
    advisor.close();
  });
});
