import {
  type AdvisorOverview,
  AUDIENCES,
  type Audience,
  type AdvisorState as OverviewState,
  type QueueOverview,
  type ServiceOverview,
} from '@infocig/shared';
import { visitorMember } from '../presence/departures.ts';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { type AdvisorPool, type AdvisorState, advisorMember } from '../routing/advisor-pool.ts';
import type { RecentWaits } from './recent-waits.ts';

export interface ServiceOverviewDeps {
  redis: RedisClient;
  keys: Keys;
  pool: AdvisorPool;
  recentWaits: RecentWaits;
  queueSummary(queue: Audience): Promise<{ waiting: number; oldestWaitingSeconds: number | null }>;
  graceMs: { advisor: number; visitor: number };
}

interface HeldChat {
  queue: Audience | null;
  visitorKey: string | null;
  advisor: AdvisorState;
}

function stateOf(a: AdvisorState): OverviewState {
  if (a.availability !== 'available') return a.availability;
  return a.load >= a.capacity ? 'busy' : 'available';
}

function advisorOverview(a: AdvisorState): AdvisorOverview {
  return {
    advisorId: a.advisorId,
    name: a.name,
    state: stateOf(a),
    queues: a.queues,
    capacity: a.capacity,
    activeChats: a.load,
    stateSince: a.since ? new Date(a.since).toISOString() : null,
    pausedBySupervisor: a.availability === 'paused' && Boolean(a.pausedBy),
  };
}

/**
 * What supervisors watch: each queue and every advisor, read from Redis, the state all processes
 * share, so any process gives the same answer. Its cost grows with the chats held now (one small
 * read each), not with history.
 */
export function createServiceOverview(deps: ServiceOverviewDeps) {
  const { redis, keys, pool, recentWaits, graceMs } = deps;

  async function heldChats(advisors: AdvisorState[]): Promise<HeldChat[]> {
    const held = await Promise.all(
      advisors.map(async (advisor) =>
        (await pool.conversationsOf(advisor.advisorId)).map((id) => ({ id, advisor })),
      ),
    );
    return Promise.all(
      held.flat().map(async ({ id, advisor }) => {
        const [queue, visitorKey] = await redis.hmget(keys.chatRouting(id), 'queue', 'visitorKey');
        return { queue: (queue as Audience | null) ?? null, visitorKey: visitorKey ?? null, advisor };
      }),
    );
  }

  async function awayTooLong(member: string, graceForMs: number, now: number): Promise<boolean> {
    const since = await redis.get(keys.awaySince(member));
    return since !== null && now - Number(since) > graceForMs;
  }

  async function pastGrace(chats: HeldChat[], now: number): Promise<boolean[]> {
    return Promise.all(
      chats.map(
        async (c) =>
          (c.visitorKey !== null && (await awayTooLong(visitorMember(c.visitorKey), graceMs.visitor, now))) ||
          (await awayTooLong(advisorMember(c.advisor.advisorId), graceMs.advisor, now)),
      ),
    );
  }

  return async function overview(now = Date.now()): Promise<ServiceOverview> {
    const advisors = await pool.list();
    const chats = await heldChats(advisors);
    const late = await pastGrace(chats, now);
    const queues: QueueOverview[] = await Promise.all(
      AUDIENCES.map(async (queue) => {
        const [summary, waits] = await Promise.all([
          deps.queueSummary(queue),
          recentWaits.percentiles(queue, now),
        ]);
        const serving = advisors.filter((a) => a.queues.includes(queue)).map(stateOf);
        const count = (state: OverviewState) => serving.filter((s) => s === state).length;
        return {
          queue,
          waiting: summary.waiting,
          oldestWaitingSeconds: summary.oldestWaitingSeconds,
          assigned: chats.filter((c) => c.queue === queue).length,
          waitToAssignment: waits,
          advisors: {
            available: count('available'),
            busy: count('busy'),
            paused: count('paused'),
            offline: count('offline'),
          },
          pastGrace: chats.filter((c, i) => c.queue === queue && late[i]).length,
        };
      }),
    );
    return { at: new Date(now).toISOString(), queues, advisors: advisors.map(advisorOverview) };
  };
}

export type ServiceOverviewReader = ReturnType<typeof createServiceOverview>;
