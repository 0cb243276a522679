import { NAMESPACES } from '@infocig/shared';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The apps' own connection logic, taken from its files (the client index holds browser-only code).
import { type ConnectionState, openSocket } from '../../../shared/src/client/connection.ts';
import { createStore } from '../../../shared/src/client/store.ts';
import { primariesOf, type RedisClient } from '../../src/redis/connection.ts';
import {
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  testRedis,
} from '../support/index.ts';

let first: TestServer;
let second: TestServer;
let redis: RedisClient;

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ sharePrefixOf: first });
  redis = testRedis();
});
afterAll(async () => {
  redis.disconnect();
  await second.close();
  await first.close();
});

type Subscriber = { node: Redis; id: string; ssub: number };
/** On a cluster each server has a subscriber connection per shard, named after its own. */
const SUBSCRIBER_NAME = new RegExp(
  ` name=(ioredis-cluster\\(ssubscriber\\):)?infocig-${process.pid}-pushes `,
);

/** This test process's push subscribers (both servers run here) on every primary, with their sharded channels. */
async function subscribers(): Promise<Subscriber[]> {
  const found: Subscriber[] = [];
  for (const node of primariesOf(redis)) {
    const list = (await node.client('LIST')) as string;
    for (const line of list.split('\n').filter((l) => SUBSCRIBER_NAME.test(l))) {
      found.push({
        node,
        id: /(?:^|\s)id=(\d+)/.exec(line)?.[1] ?? '',
        ssub: Number(/ ssub=(\d+)/.exec(line)?.[1] ?? 0),
      });
    }
  }
  return found;
}
const same = (a: Subscriber, b: Subscriber) => a.node === b.node && a.id === b.id;

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('pushes between processes', () => {
  it('resume when the connection they arrive on drops: subscriptions are taken again', async () => {
    const advisor = await connectAdvisor(second.url, await second.token('advisor'));
    await advisor.next('session:ready');
    const worker = await connectVisitor(first.url, await first.token('worker-rm'));
    await worker.next('session:ready');
    const { conversation } = await worker.ok('chat:request', { topic: 'Prima e dopo' });
    expect((await advisor.next('chat:assigned')).id).toBe(conversation.id);

    const before = await subscribers();
    expect(before.length).toBeGreaterThanOrEqual(2);
    for (const { node, id } of before) await node.client('KILL', 'ID', id);
    await eventually(async () => {
      const now = await subscribers();
      return now.length >= 2 && now.every((s) => s.ssub > 0 && !before.some((b) => same(b, s)));
    });

    // What was published while the subscribers were away is gone: every session is told to resync.
    expect(await worker.next('session:resync')).toEqual({ reason: 'pushes_interrupted' });
    expect(await advisor.next('session:resync')).toEqual({ reason: 'pushes_interrupted' });

    await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'r-1',
      text: 'Ci siete?',
    });
    expect((await advisor.next('chat:message', (m) => m.clientMessageId === 'r-1')).text).toBe('Ci siete?');
    await advisor.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'r-2', text: 'Sì.' });
    expect((await worker.next('chat:message', (m) => m.clientMessageId === 'r-2')).text).toBe('Sì.');
    worker.close();
    advisor.close();
  });

  it("are fetched again by the apps' own connection logic, which reconnects when told to resync", async () => {
    const store = createStore<{ connection: ConnectionState; sessionEndsAt: number | null }>({
      connection: { kind: 'idle' },
      sessionEndsAt: null,
    });
    const socket = openSocket(
      { serverUrl: first.url, getToken: () => first.token('worker-na') },
      { namespace: NAMESPACES.visitor, store, announceLost: (s) => s },
    );
    let sessions = 0;
    socket.on('session:ready', () => {
      sessions++;
    });
    try {
      socket.connect();
      await eventually(async () => sessions === 1);
      for (const { node, id } of await subscribers()) await node.client('KILL', 'ID', id);
      await eventually(async () => sessions === 2);
      expect(socket.connected).toBe(true);
    } finally {
      socket.removeAllListeners();
      socket.disconnect();
    }
  });
});
