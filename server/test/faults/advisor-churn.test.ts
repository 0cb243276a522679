import { handshakeAuth, NAMESPACES } from '@infocig/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisorMember } from '../../src/routing/advisor-pool.ts';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CHURN = 50;
const churner = (n: number) => ({
  sub: `CHURN${String(n).padStart(3, '0')}A01H501Z`,
  role: 'advisor' as const,
  name: `Churn ${n}`,
});

/** An advisor console that closes as soon as it is connected: mid-way through the session set-up. */
async function connectAndClose(token: string): Promise<void> {
  const socket = io(`${server.url}${NAMESPACES.advisor}`, {
    transports: ['websocket'],
    auth: handshakeAuth(token),
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve();
    });
    socket.once('connect_error', reject);
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('availability follows presence', () => {
  it('advisors who close during session set-up are neither present nor available, and get no chat', async () => {
    const { redis, keys } = server.app;
    const ids = Array.from({ length: CHURN }, (_, n) => churner(n).sub);
    const tokens = await Promise.all(Array.from({ length: CHURN }, (_, n) => server.token(churner(n))));
    await Promise.all(tokens.map(connectAndClose));

    // Every set-up has run its course: each churned advisor was registered (name written last by
    // the first step) and none is counted present any more.
    await until(async () => {
      const names = await Promise.all(ids.map((id) => redis.hget(keys.advisor(id), 'name')));
      const present = await Promise.all(ids.map((id) => redis.hget(keys.presence(), advisorMember(id))));
      return names.every(Boolean) && present.every((p) => p === null);
    }, 'churned advisors registered and gone');

    const before = await Promise.all(ids.map((id) => server.app.pool.state(id)));
    const pooled = await redis.zrange(keys.queueAdvisors('workers'), '0', '-1');
    console.info(
      `after a churn of ${CHURN}: ${before.filter((s) => s?.availability === 'available').length} marked available, ` +
        `${pooled.filter((id) => ids.includes(id)).length} in the workers' pool`,
    );
    const visitor = await connectVisitor(server.url, await server.token('worker-rm'));
    await visitor.next('session:ready');
    const { conversation } = await visitor.ok('chat:request', {});
    expect(conversation.status).toBe('queued');

    const real = await connectAdvisor(
      server.url,
      await server.token({ sub: 'REALADV00A01H501Z', role: 'advisor', name: 'Paola Presente' }),
    );
    await real.next('session:ready');
    const assigned = await visitor.next('chat:assigned', (a) => a.conversationId === conversation.id);
    expect(assigned.advisorName).toBe('Paola Presente');
    expect((await real.next('chat:assigned', (c) => c.id === conversation.id)).id).toBe(conversation.id);

    const states = await Promise.all(ids.map((id) => server.app.pool.state(id)));
    expect(states.filter((s) => s?.availability === 'available')).toEqual([]);
    expect(states.reduce((sum, s) => sum + (s?.load ?? 0), 0)).toBe(0);
    const pool = await redis.zrange(keys.queueAdvisors('workers'), '0', '-1');
    expect(pool.filter((id) => ids.includes(id))).toEqual([]);
    expect(await redis.hget(keys.presence(), advisorMember('REALADV00A01H501Z'))).toBe('1');

    await real.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    real.close();
    visitor.close();
  });
});
