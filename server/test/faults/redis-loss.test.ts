import { WireErrorSchema } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import {
  connectAdvisor,
  connectVisitor,
  numberedWorker,
  serverOnRestartableRedis,
  startAssignedChat,
  until,
} from '../support/index.ts';

const fixture = serverOnRestartableRedis();

const person = (n: number) => numberedWorker('REDLOS', n);

describe('when Redis comes back empty', () => {
  it('tells every session to start again, then assigns, times and applies the rollout as before', async () => {
    const { server, redis } = fixture;
    const { advisor, visitor } = await startAssignedChat(server, person(1));

    const { redis: client, keys } = server.app;
    const lostAt = performance.now();
    await redis.restartEmpty();

    // Every session is told why, with a code its app retries on, and then closed.
    const told = await Promise.all([
      advisor.next('session:error', () => true, 15_000),
      visitor.next('session:error', () => true, 15_000),
    ]);
    for (const error of told) expect(WireErrorSchema.parse(error).code).toBe('SERVICE_UNAVAILABLE');
    await until(
      () => !advisor.socket.connected && !visitor.socket.connected,
      'both sessions are closed',
      15_000,
    );
    const toldMs = Math.round(performance.now() - lostAt);

    // The rollout version is put back once, not reloaded from the store on every poll.
    await until(
      async () => (await client.get(keys.rolloutVersion())) !== null,
      'rollout version restored',
      15_000,
    );
    expect(Number(await client.get(keys.rolloutVersion()))).toBe(server.app.rollout.current().version);

    // The repeating jobs exist again.
    const [timers] = server.app.jobQueues;
    await until(
      async () =>
        (await timers!.getJobSchedulers())
          .map((s) => s.key)
          .sort()
          .join() === 'announcement-sweep,archive-sweep,presence-sweep,retention-purge,sync-sweep',
      'the job schedulers are back',
      15_000,
    );

    // The apps come back (as their connection logic does on SERVICE_UNAVAILABLE) and chats flow.
    const advisorAgain = await connectAdvisor(server.url, await server.token('advisor'));
    await advisorAgain.next('session:ready');
    const visitorAgain = await connectVisitor(server.url, await server.token(person(2)));
    await visitorAgain.next('session:ready');
    const second = await visitorAgain.ok('chat:request', {});
    await advisorAgain.next('chat:assigned', (c) => c.id === second.conversation.id, 10_000);
    const recoveredMs = Math.round(performance.now() - lostAt);
    console.info(
      `Redis lost its data: sessions told in ${toldMs} ms, a chat assigned again after ${recoveredMs} ms`,
    );

    advisorAgain.close();
    visitorAgain.close();
    advisor.close();
    visitor.close();
  });
});
