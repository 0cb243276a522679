import { describe, expect, it } from 'vitest';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import {
  connectVisitor,
  numberedWorker,
  serverOnRestartableRedis,
  startAssignedChat,
  until,
} from '../support/index.ts';

const fixture = serverOnRestartableRedis();

const person = (n: number) => numberedWorker('ARCHIV', n);

describe('closed conversations', () => {
  it('leave Redis for the archive, where only their visitor reads them, even after Redis loses its data', async () => {
    const { server, redis } = fixture;
    const { redis: client, keys } = server.app;
    const { advisor, visitor, conversation } = await startAssignedChat(server, person(1), {
      topic: 'pagamento',
    });
    const id = conversation.id;
    await visitor.ok('chat:send', { conversationId: id, clientMessageId: 'a-1', text: 'Quando pagate?' });
    await advisor.ok('chat:send', { conversationId: id, clientMessageId: 'a-2', text: 'Entro il 20.' });
    await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });

    // Moved whole: its keys leave Redis once the archive has it.
    await until(async () => (await client.exists(keys.conversation(id))) === 0, 'conversation left Redis');
    expect(await client.exists(keys.conversationMessages(id), keys.conversationNotes(id))).toBe(0);
    expect(await client.zcard(keys.unarchived())).toBe(0);
    const archived = await createArchiveStore(server.app.db).get(id);
    expect(archived?.record).toMatchObject({ id, status: 'closed', topic: 'pagamento', closedBy: 'advisor' });
    expect(archived?.messages.map((m) => [m.seq, m.author, m.text])).toEqual([
      [1, 'visitor', 'Quando pagate?'],
      [2, 'advisor', 'Entro il 20.'],
    ]);

    // Its visitor still reads it, by pages, and it answers as a closed chat.
    const page = await visitor.ok('chat:history', { conversationId: id, afterSeq: 1, limit: 10 });
    expect(page.messages.map((m) => m.text)).toEqual(['Entro il 20.']);
    expect(page.hasMore).toBe(false);
    const late = await visitor.request('chat:send', {
      conversationId: id,
      clientMessageId: 'a-3',
      text: 'Ok',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONVERSATION_CLOSED' } });
    expect(await visitor.ok('chat:read', { conversationId: id, seq: 2 })).toBeDefined();

    // Its advisor's part ended at the close; another person never had one.
    const advisorRead = await advisor.request('chat:history', { conversationId: id, afterSeq: 0, limit: 10 });
    expect(advisorRead).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const stranger = await connectVisitor(server.url, await server.token(person(2)));
    await stranger.next('session:ready');
    const strangerRead = await stranger.request('chat:history', {
      conversationId: id,
      afterSeq: 0,
      limit: 10,
    });
    expect(strangerRead).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    stranger.close();
    visitor.close();
    advisor.close();

    // Redis loses everything: the finished conversation does not go with it.
    await redis.restartEmpty();
    await until(async () => server.app.redis.status === 'ready', 'Redis back', 15_000);
    const again = await connectVisitor(server.url, await server.token(person(1)));
    await again.next('session:ready', () => true, 15_000);
    const kept = await again.ok('chat:history', { conversationId: id, afterSeq: 0, limit: 10 });
    expect(kept.messages.map((m) => m.text)).toEqual(['Quando pagate?', 'Entro il 20.']);
    again.close();

    // And the person can download it to keep; nobody else can, and nothing caches it.
    const download = (token?: string) =>
      fetch(`${server.url}/api/me/conversations/${id}/transcript`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const own = await download(await server.token(person(1)));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(own.headers.get('content-disposition')).toContain(`infocig-${id}.txt`);
    expect(own.headers.get('cache-control')).toContain('no-store');
    const text = await own.text();
    expect(text).toMatch(/Persona 1: Quando pagate\?\n.*: Entro il 20\./);
    expect((await download(await server.token(person(2)))).status).toBe(403);
    expect((await download(await server.token('advisor'))).status).toBe(403);
    const expired = await download(await server.token(person(1), -60));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('AUTH_TOKEN_EXPIRED');
    expect((await download()).status).toBe(401);
    const unknown = await fetch(`${server.url}/api/me/conversations/01ARZ3NDEKTSV4RRFFQ69G5FAV/transcript`, {
      headers: { authorization: `Bearer ${await server.token(person(1))}` },
    });
    expect(unknown.status).toBe(404);
  });
});
