import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../src/redis/connection.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  testRedis,
  type VisitorClient,
} from '../support/index.ts';

let server: TestServer;
let connection: RedisClient;
let timers: Queue;

beforeAll(async () => {
  server = await startTestServer();
  connection = testRedis();
  timers = new Queue('timers', { connection, prefix: server.app.keys.jobsPrefix });
});
afterAll(async () => {
  await timers.close();
  connection.disconnect();
  await server.close();
});

const CHAT_TIMERS = new Set(['followup-offer', 'inactivity-check']);

/** Delayed chat timers (the follow-up offer and the inactivity watch), counted with BullMQ's Queue API. */
async function pendingChatTimers(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const job of await timers.getDelayed()) {
    if (CHAT_TIMERS.has(job.name)) counts[job.name] = (counts[job.name] ?? 0) + 1;
  }
  return counts;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const person = (n: number) => ({
  sub: `IDLEJB${String(n).padStart(2, '0')}A01H501X`,
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});

describe('chat timers', () => {
  it('leave no delayed job behind once their chats are assigned and closed, or closed while queued', async () => {
    const advisor: AdvisorClient = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    await advisor.ok('advisor:settings', { queues: ['workers', 'employers'], capacity: 10 });
    await advisor.ok('advisor:availability', { availability: 'paused' });

    const CHATS = 8;
    const visitors: VisitorClient[] = [];
    const ids: string[] = [];
    for (let n = 0; n < CHATS; n++) {
      const visitor = await connectVisitor(server.url, await server.token(person(n)));
      await visitor.next('session:ready');
      ids.push((await visitor.ok('chat:request', {})).conversation.id);
      visitors.push(visitor);
    }
    await until(
      async () => (await pendingChatTimers())['followup-offer'] === CHATS,
      'an offer per queued chat',
    );

    // Two leave while queued; the others are assigned (their offers go, their watches start).
    for (const n of [0, 1]) await visitors[n]!.ok('chat:close', { conversationId: ids[n] });
    await advisor.ok('advisor:availability', { availability: 'available' });
    for (const id of ids.slice(2)) await advisor.next('chat:assigned', (c) => c.id === id);
    await until(async () => {
      const counts = await pendingChatTimers();
      return counts['followup-offer'] === undefined && counts['inactivity-check'] === CHATS - 2;
    }, 'offers removed at assignment, one watch per assigned chat');

    // Half are closed by the advisor, half by the visitor.
    for (const [i, id] of ids.slice(2).entries()) {
      if (i % 2 === 0) await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });
      else await visitors[i + 2]!.ok('chat:close', { conversationId: id });
    }
    await until(async () => Object.keys(await pendingChatTimers()).length === 0, 'no chat timer left');
    expect(await pendingChatTimers()).toEqual({});

    for (const visitor of visitors) visitor.close();
    advisor.close();
  });
});
