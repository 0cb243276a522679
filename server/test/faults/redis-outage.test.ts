import { NAMESPACES, WireErrorSchema } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
// The apps' own connection logic, taken from its files: the client package's index also holds
// browser-only helpers the server's type-check does not know.
import { type ConnectionState, openSocket } from '../../../shared/src/client/connection.ts';
import { createStore } from '../../../shared/src/client/store.ts';
import { visitorKeyOf } from '../../src/people/visitor-key.ts';
import {
  connectVisitor,
  numberedWorker,
  serverOnRestartableRedis,
  startAssignedChat,
  timed,
  until,
} from '../support/index.ts';

const fixture = serverOnRestartableRedis();

const person = (n: number) => numberedWorker('REDOUT', n);

describe('when Redis is unreachable', () => {
  it('every command answers SERVICE_UNAVAILABLE within a second, and none of them runs once Redis is back', async () => {
    const { server, redis } = fixture;
    const { advisor, visitor: chatting, conversation } = await startAssignedChat(server, person(1));
    await chatting.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'before',
      text: 'Prima',
    });
    const waiting = await connectVisitor(server.url, await server.token(person(2)));
    await waiting.next('session:ready');

    await redis.kill();
    await until(() => server.app.redis.status !== 'ready', 'the server notices Redis has gone');

    const calls: Record<string, () => Promise<unknown>> = {
      'visitor chat:send': () =>
        chatting.request('chat:send', {
          conversationId: conversation.id,
          clientMessageId: 'during',
          text: 'Durante',
        }),
      'visitor chat:history': () =>
        chatting.request('chat:history', { conversationId: conversation.id, afterSeq: 0 }),
      'visitor chat:request': () => waiting.request('chat:request', {}),
      'advisor chat:send': () =>
        advisor.request('chat:send', {
          conversationId: conversation.id,
          clientMessageId: 'reply-during',
          text: 'Durante',
        }),
      'advisor advisor:availability': () =>
        advisor.request('advisor:availability', { availability: 'paused' }),
      'advisor chat:note': () =>
        advisor.request('chat:note', { conversationId: conversation.id, text: 'Nota durante' }),
      'advisor referral:open': () =>
        advisor.request('referral:open', {
          conversationId: conversation.id,
          applicationId: 'any-application',
          question: 'Domanda durante',
        }),
    };
    const figures: string[] = [];
    for (const [name, call] of Object.entries(calls)) {
      const { answer, ms } = await timed(call);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
      expect(ms, name).toBeLessThanOrEqual(1_000);
      figures.push(`${name} ${ms} ms`);
    }
    const supervisorToken = await server.token('supervisor');
    const rest = await timed(() =>
      fetch(`${server.url}/api/supervisor/advisors`, {
        headers: { authorization: `Bearer ${supervisorToken}` },
      }),
    );
    expect(rest.answer.status).toBe(503);
    expect(rest.answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(rest.ms).toBeLessThanOrEqual(1_000);
    figures.push(`GET /api/supervisor/advisors ${rest.ms} ms`);
    const visitorToken = await server.token(person(1));
    const transcript = await timed(() =>
      fetch(`${server.url}/api/me/conversations/${conversation.id}/transcript`, {
        headers: { authorization: `Bearer ${visitorToken}` },
      }),
    );
    expect(transcript.answer.status).toBe(503);
    expect(transcript.ms).toBeLessThanOrEqual(1_000);
    figures.push(`GET transcript ${transcript.ms} ms`);
    console.info(`Redis down: ${figures.join(', ')}`);

    // A session that cannot be set up says why before the server closes it.
    const newcomer = await connectVisitor(server.url, await server.token(person(3)));
    const refused = await newcomer.next('session:error');
    expect(WireErrorSchema.parse(refused).code).toBe('SERVICE_UNAVAILABLE');
    await until(() => !newcomer.socket.connected, 'the failed session is closed');

    await redis.start();
    await until(
      async () =>
        (await chatting.request('chat:history', { conversationId: conversation.id, afterSeq: 0 })).ok,
      'commands work again',
    );
    // Anything left queued on the request connection would have run before this answer.
    const history = await chatting.ok('chat:history', { conversationId: conversation.id, afterSeq: 0 });
    expect(history.messages.map((m) => m.clientMessageId)).toEqual(['before']);
    const { redis: client, keys } = server.app;
    expect(await client.get(keys.visitorActiveConversation(visitorKeyOf(person(2).sub)))).toBeNull();
    expect(await server.app.pool.preferenceOf('RMNPLA85P15H501Q')).not.toBe('paused');
    expect((await server.app.pool.state('RMNPLA85P15H501Q'))?.availability).toBe('available');
    expect(await server.app.db.query("SELECT id FROM follow_ups WHERE kind = 'referral'")).toEqual([]);

    await chatting.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'after',
      text: 'Dopo',
    });
    await advisor.next('chat:message', (m) => m.clientMessageId === 'after');
    chatting.close();
    waiting.close();
    advisor.close();
  });

  it('a client told SERVICE_UNAVAILABLE at set-up shows it calmly and comes back by itself once Redis is back', async () => {
    const { server, redis } = fixture;
    await redis.kill();
    await until(() => server.app.redis.status !== 'ready', 'the server notices Redis has gone');
    const store = createStore<{ connection: ConnectionState; sessionEndsAt: number | null }>({
      connection: { kind: 'idle' },
      sessionEndsAt: null,
    });
    const socket = openSocket(
      { serverUrl: server.url, getToken: () => server.token(person(4)) },
      { namespace: NAMESPACES.visitor, store, announceLost: (s) => s },
    );
    const ready = new Promise<void>((resolve) => socket.once('session:ready', () => resolve()));
    try {
      socket.connect();
      await until(
        () => store.getState().connection.kind === 'unavailable',
        'the client shows the service unavailable',
      );
      await redis.start();
      await Promise.race([
        ready,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('no session:ready after Redis came back')), 20_000),
        ),
      ]);
    } finally {
      socket.removeAllListeners();
      socket.disconnect();
    }
  });
});
