import { type Admission, type Audience, admission, italianDay } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClient } from '../redis/connection.ts';
import type { PlanVersion, RolloutStore } from './rollout-store.ts';

/** How often each process checks whether the plan changed: well within the one second promised. */
const POLL_MS = 250;

/**
 * The plan every process applies, held in memory. A change is written to PostgreSQL and its version
 * number to Redis; every process polls that number and reloads when it moves.
 */
export async function createRolloutPlan(
  store: RolloutStore,
  redis: RedisClient,
  versionKey: string,
  log: FastifyBaseLogger,
) {
  await store.seedHistorical();
  let plan: PlanVersion = await store.current();
  await redis.set(versionKey, String(plan.version), 'NX');
  /** Told once this process applies a new plan, whichever process made the change. */
  const listeners = new Set<(plan: PlanVersion) => void>();
  const applied = () => {
    for (const listener of listeners) {
      try {
        listener(plan);
      } catch (err) {
        log.error({ err }, 'rollout change listener failed');
      }
    }
  };

  const reloadIfChanged = async () => {
    const published = await redis.get(versionKey);
    if (published === null) {
      // Redis lost its data: put back the version this process applies, once, rather than
      // reloading from the store on every poll. A newer plan written since wins the race.
      await redis.set(versionKey, String(plan.version), 'NX');
      log.warn({ version: plan.version }, 'rollout version was missing in Redis: restored');
      return;
    }
    if (Number(published) !== plan.version) {
      const before = plan.version;
      plan = await store.current();
      log.info({ version: plan.version }, 'rollout plan applied');
      if (plan.version !== before) applied();
    }
  };
  const poller = setInterval(() => {
    reloadIfChanged().catch((err: unknown) => log.warn({ err }, 'rollout plan check failed'));
  }, POLL_MS);

  return {
    current: () => plan,

    admit(audience: Audience, province: string | undefined, at = new Date()): Admission {
      return admission(plan.phases, audience, province, italianDay(at));
    },

    async replace(
      phases: PlanVersion['phases'],
      changedBy: string,
      reason: string,
      basedOn?: number,
    ): Promise<PlanVersion> {
      plan = await store.replace(phases, changedBy, reason, basedOn);
      await redis.set(versionKey, String(plan.version));
      applied();
      return plan;
    },

    /** Calls `listener` after each new plan this process applies; returns how to stop. */
    onChange(listener: (plan: PlanVersion) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    history: (limit?: number) => store.history(limit),
    version: (version: number) => store.version(version),

    stop: () => clearInterval(poller),
  };
}

export type RolloutPlan = Awaited<ReturnType<typeof createRolloutPlan>>;
