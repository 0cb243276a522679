import { randomBytes } from 'node:crypto';
import { AUDIENCES, type Audience } from '@infocig/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../src/chat/conversation-repository.ts';
import { createSessions } from '../../src/presence/sessions.ts';
import type { RedisClient } from '../../src/redis/connection.ts';
import { createKeys, type Keys } from '../../src/redis/keys.ts';
import { type AdvisorChanges, advisorMember, createAdvisorPool } from '../../src/routing/advisor-pool.ts';
import { createQueueView } from '../../src/routing/queue-view.ts';
import { deleteKeys, testRedis } from '../support/index.ts';

let keys: Keys;
let connections: RedisClient[];

const PROCESS_ID = 'assignment-test';

beforeEach(async () => {
  keys = createKeys(`infocig-test:${randomBytes(6).toString('hex')}`);
  connections = [];
  // Sessions count only for live processes, as presence lists them.
  await processView().redis.sadd(keys.processes(), PROCESS_ID);
});
afterEach(async () => {
  for (const c of connections) c.disconnect();
  await deleteKeys(keys.prefix);
});

/** A server process's view of Redis: its own connection, pool and repository. */
function processView() {
  const redis = testRedis();
  connections.push(redis);
  const pool = createAdvisorPool(redis, keys);
  const sessions = createSessions(redis, keys, PROCESS_ID);
  return {
    pool: {
      ...pool,
      /** These advisors have no socket: each gets a session with a valid token, as a console would. */
      async update(advisorId: string, changes: AdvisorChanges) {
        await sessions.open(advisorMember(advisorId), `socket-of-${advisorId}`, Date.now() + 3_600_000, 3);
        return pool.update(advisorId, changes);
      },
    },
    sessions,
    redis,
    conversations: createConversationRepository(redis, keys),
    queues: createQueueView(redis, keys),
    /** An advisor's socket is connected somewhere: only then can they be available. */
    connect: async (advisorId: string) => {
      await redis.hincrby(keys.presence(), advisorMember(advisorId), 1);
    },
  };
}

const visitor = (n: number) => ({
  role: 'lavoratore' as const,
  displayName: `V${n}`,
  codiceFiscale: `CF${n}`,
});

async function openChats(view: ReturnType<typeof processView>, count: number, queue: Audience = 'workers') {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    ids.push((await view.conversations.open(`visitor-${n}`, visitor(n), queue, '')).id);
    await new Promise((r) => setTimeout(r, 2));
  }
  return ids;
}

async function drain(view: ReturnType<typeof processView>, queue: Audience) {
  const out = [];
  for (let next = await view.pool.assignNext(queue); next; next = await view.pool.assignNext(queue))
    out.push(next);
  return out;
}

describe('atomic assignment', () => {
  it('never gives a chat to two advisors nor an advisor more than their capacity, with two processes racing', async () => {
    const [a, b] = [processView(), processView()];
    const capacities = [1, 2, 3, 4, 5];
    for (const [i, capacity] of capacities.entries()) {
      await a.connect(`adv-${i}`);
      await a.pool.update(`adv-${i}`, {
        name: `A${i}`,
        capacity,
        queues: AUDIENCES,
        availability: 'available',
      });
    }
    const ids = await openChats(a, 40);

    const [fromA, fromB] = await Promise.all([drain(a, 'workers'), drain(b, 'workers')]);
    const all = [...fromA, ...fromB];
    const total = capacities.reduce((x, y) => x + y, 0);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((x) => x.conversationId)).size).toBe(total);
    for (const [i, capacity] of capacities.entries()) {
      expect(all.filter((x) => x.advisorId === `adv-${i}`)).toHaveLength(capacity);
      expect(await a.pool.conversationsOf(`adv-${i}`)).toHaveLength(capacity);
    }
    expect(new Set(all.map((x) => x.conversationId))).toEqual(new Set(ids.slice(0, total)));
    expect(await a.queues.waitingCount('workers')).toBe(40 - total);
  });

  it('serves the oldest first and the least-loaded advisor first', async () => {
    const view = processView();
    const ids = await openChats(view, 4);
    await view.connect('busy');
    await view.pool.update('busy', {
      queues: AUDIENCES,
      name: 'Busy',
      capacity: 5,
      availability: 'available',
    });
    expect((await view.pool.assignNext('workers'))?.conversationId).toBe(ids[0]);
    await view.connect('fresh');
    await view.pool.update('fresh', {
      queues: AUDIENCES,
      name: 'Fresh',
      capacity: 5,
      availability: 'available',
    });
    const second = await view.pool.assignNext('workers');
    expect(second).toMatchObject({ conversationId: ids[1], advisorId: 'fresh' });
    const third = await view.pool.assignNext('workers');
    expect(third?.conversationId).toBe(ids[2]);
    expect(['busy', 'fresh']).toContain(third?.advisorId);
  });

  it('breaks load ties by who has been idle longest', async () => {
    const view = processView();
    await view.connect('first-free');
    await view.pool.update('first-free', {
      queues: AUDIENCES,
      name: 'F',
      capacity: 2,
      availability: 'available',
    });
    await new Promise((r) => setTimeout(r, 5));
    await view.connect('later-free');
    await view.pool.update('later-free', {
      queues: AUDIENCES,
      name: 'L',
      capacity: 2,
      availability: 'available',
    });
    await openChats(view, 1);
    expect((await view.pool.assignNext('workers'))?.advisorId).toBe('first-free');
  });

  it('skips paused and offline advisors, and queues that no one serves', async () => {
    const view = processView();
    await openChats(view, 2);
    await view.connect('paused');
    await view.pool.update('paused', { queues: AUDIENCES, name: 'P', capacity: 3, availability: 'paused' });
    await view.connect('employers-only');
    await view.pool.update('employers-only', {
      name: 'E',
      capacity: 3,
      queues: ['employers'],
      availability: 'available',
    });
    expect(await view.pool.assignNext('workers')).toBeNull();
    await view.connect('gone');
    await view.pool.update('gone', { queues: AUDIENCES, name: 'G', capacity: 3, availability: 'available' });
    await view.pool.takeOffline('gone');
    expect(await view.pool.assignNext('workers')).toBeNull();
  });

  it('never makes an advisor with no live socket available, nor gives them a chat', async () => {
    const view = processView();
    await openChats(view, 1);
    const ghost = await view.pool.update('ghost', {
      queues: AUDIENCES,
      name: 'G',
      capacity: 3,
      availability: 'available',
    });
    expect(ghost.availability).toBe('offline');
    expect(await view.pool.assignNext('workers')).toBeNull();
    // In a pool with presence gone (its socket closed after it was made available): skipped and dropped.
    await view.connect('stale');
    await view.pool.update('stale', { queues: AUDIENCES, name: 'S', capacity: 3, availability: 'available' });
    await connections[0]!.hdel(keys.presence(), advisorMember('stale'));
    expect(await view.pool.assignNext('workers')).toBeNull();
    expect(await connections[0]!.zscore(keys.queueAdvisors('workers'), 'stale')).toBeNull();
    await view.connect('here');
    await view.pool.update('here', { queues: AUDIENCES, name: 'H', capacity: 3, availability: 'available' });
    expect((await view.pool.assignNext('workers'))?.advisorId).toBe('here');
  });

  it('puts chats returned by an absent advisor ahead of newer ones, in their original order', async () => {
    const view = processView();
    const ids = await openChats(view, 4);
    await view.connect('leaver');
    await view.pool.update('leaver', {
      queues: AUDIENCES,
      name: 'L',
      capacity: 2,
      availability: 'available',
    });
    await drain(view, 'workers');
    await connections[0]!.hdel(keys.presence(), advisorMember('leaver'));
    await view.pool.takeOffline('leaver');
    const returned = await view.pool.requeueAll('leaver');
    expect(returned.map((r) => r.conversationId)).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    const head = await view.queues.head('workers', 10);
    expect(head.map((h) => h.conversationId)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    expect(await view.pool.conversationsOf('leaver')).toEqual([]);
  });

  it('estimates waits from the pace of recent assignments, and has no estimate before any', async () => {
    const view = processView();
    const ids = await openChats(view, 6);
    expect((await view.queues.place('workers', ids[5]!))?.estimatedWaitSeconds).toBeNull();
    await view.connect('steady');
    await view.pool.update('steady', {
      queues: AUDIENCES,
      name: 'S',
      capacity: 1,
      availability: 'available',
    });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 60));
      const next = await view.pool.assignNext('workers');
      expect(next).not.toBeNull();
      await view.conversations.close(next!.conversationId, 'advisor');
    }
    const head = await view.queues.head('workers', 10);
    expect(head.map((h) => h.position)).toEqual([1, 2, 3]);
    const waits = head.map((h) => h.estimatedWaitSeconds ?? -1);
    expect(waits.every((w) => w >= 0)).toBe(true);
    expect(waits[2]).toBeGreaterThanOrEqual(waits[0]!);
    // A range, never a point; one advisor served throughout, so the per-advisor pace is the pace.
    expect(head.map((h) => h.estimate.kind)).toEqual(['range', 'range', 'range']);
    const pace = await view.redis.hgetall(keys.queuePace('workers'));
    expect(pace).toMatchObject({ samples: '3', perAdvisorMs: pace.intervalMs });
  });

  it('passes over an advisor none of whose tokens is still valid, and only them', async () => {
    const view = processView();
    const [lapsed, valid] = ['lapsed', 'valid'].map(advisorMember) as [string, string];
    await view.connect('lapsed');
    await view.connect('valid');
    await view.pool.update('lapsed', {
      queues: AUDIENCES,
      name: 'X',
      capacity: 3,
      availability: 'available',
    });
    // Its only socket's token ran out a moment ago; the socket has not been closed yet.
    await view.sessions.open(lapsed, 'socket-of-lapsed', Date.now() - 1, 3);
    await view.sessions.open(lapsed, 'second-tab', Date.now() - 5_000, 3);
    await openChats(view, 1);
    expect(await view.pool.assignNext('workers')).toBeNull();

    await view.pool.update('valid', { queues: AUDIENCES, name: 'V', capacity: 3, availability: 'available' });
    expect((await view.pool.assignNext('workers'))?.advisorId).toBe('valid');
    // A renewed token brings the first one back.
    await view.sessions.open(lapsed, 'second-tab', Date.now() + 60_000, 3);
    await view.conversations.open('another-visitor', visitor(99), 'workers', '');
    expect((await view.pool.assignNext('workers'))?.advisorId).toBe('lapsed');
    expect(await view.sessions.open(valid, 'socket-of-valid', Date.now() + 60_000, 3)).toEqual([]);
  });
});
