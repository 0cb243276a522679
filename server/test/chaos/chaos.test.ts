import { AUDIENCES } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/redis/keys.ts';
import { AdvisorActor } from './advisor-actor.ts';
import { type ChaosSchedule, runChaos } from './chaos-driver.ts';
import { type ChaosEnvironment, prepareEnvironment } from './chaos-environment.ts';
import { printRun } from './chaos-report.ts';
import { Ledger } from './ledger.ts';
import { checkAuthorship, checkClientViews, checkStoredMessages } from './message-checks.ts';
import { checkFirstComeFirstServed } from './order-checks.ts';
import { CHAOS_SEED, random } from './random.ts';
import { RedisSampler } from './redis-sampler.ts';
import { ServerCluster } from './server-cluster.ts';
import { readStoredConversations } from './server-record.ts';
import { VisitorActor } from './visitor-actor.ts';
import { type ActorDeps, planWorkload, sleep } from './workload.ts';

/*
 * Three `src/main.ts` processes on one Redis prefix and one PostgreSQL schema. Visitors arrive over
 * 25 s and ask a few questions each; advisors of capacity 1 to 3 answer every question and close
 * the chat (or the visitor does). Clients are disconnected at random and reconnect to any live
 * process, resending unacked commands unchanged; one process is SIGKILLed mid-run. Redis is sampled
 * atomically throughout, and at the end the store is compared with what every client was told.
 */
const GRACE = { advisorSeconds: 2, visitorSeconds: 30 };
const PROCESSES = 3;
const SHAPE = {
  visitors: 220,
  advisors: 21,
  arrivalsOverMs: 25_000,
  employerEvery: 6,
  capacities: [1, 2, 3],
};
const SCHEDULE: ChaosSchedule = {
  deadlineMs: 140_000,
  kill: { atMs: 18_000, index: Math.floor(random() * PROCESSES) },
  visitorBounces: { perSecond: 4, downMs: [0, 2_000] },
  advisorBounces: { perSecond: 1, downMs: [0, 3_500] },
  advisorReload: { unannouncedMs: 3_000, silentMs: 15_000 },
};

let env: ChaosEnvironment;
let cluster: ServerCluster;

beforeAll(async () => {
  env = await prepareEnvironment(GRACE);
  cluster = await ServerCluster.start(Array.from({ length: PROCESSES }, () => env.serverEnv));
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await env?.dispose();
}, 60_000);

describe('three server processes under chaos', () => {
  it('keep each chat with one advisor, within capacity, first come first served, losing and doubling nothing', async () => {
    console.info(`chaos seed ${CHAOS_SEED} (replay with CHAOS_SEED=${CHAOS_SEED})`);
    const ledger = new Ledger();
    const deps: ActorDeps = {
      cluster,
      mint: env.mint,
      ledger,
      counters: { connects: 0, dropped: 0, resends: 0, serverErrors: 0 },
      graceMs: { advisor: GRACE.advisorSeconds * 1000, visitor: GRACE.visitorSeconds * 1000 },
    };
    const plan = planWorkload(SHAPE, env.workerCfs, env.companies);
    const advisors = plan.advisors.map((p) => new AdvisorActor(p, deps));
    await Promise.all(advisors.map((a) => a.open()));
    const sampler = new RedisSampler(
      env.redis,
      createKeys(env.prefix),
      advisors.map((a) => a.advisorId),
      ledger,
    );
    sampler.start(200);
    const visitors = plan.visitors.map((p, i) => new VisitorActor(i, p, deps));

    let outcome: Awaited<ReturnType<typeof runChaos>>;
    let heldWhenVisitorsDone: string[] = [];
    try {
      outcome = await runChaos(cluster, visitors, advisors, ledger, SCHEDULE);
      await sampler.sample();
      heldWhenVisitorsDone = sampler.lastHeldChats;
      // A close still in flight when the last visitor finished: wait for the advisor and Redis.
      for (let waited = 0; waited < 20_000; waited += 100) {
        if (!advisors.some((a) => a.held.size > 0)) {
          await sampler.sample();
          if (sampler.lastHeld === 0) break;
        }
        await sleep(100);
      }
    } finally {
      await sampler.stop();
      for (const actor of [...advisors, ...visitors]) actor.stop();
    }
    await sampler.sample();
    const stored = await readStoredConversations(env.redis, env.prefix, env.db);
    const waiting = await Promise.all(
      AUDIENCES.map((queue) => env.redis.zcard(createKeys(env.prefix).queueWaiting(queue))),
    );
    const messageProblems = [
      ...checkStoredMessages(stored, ledger),
      ...checkClientViews(stored, visitors, advisors),
    ];
    const advisorIdByName = new Map(plan.advisors.map((p) => [p.identity.name, p.identity.sub]));
    const authorship = checkAuthorship(stored, ledger, advisorIdByName);
    const order = checkFirstComeFirstServed(stored, ledger);

    const { counters } = deps;
    const facts = {
      outcome,
      killed: SCHEDULE.kill.index,
      visitors,
      advisors,
      stored,
      ledger,
      counters,
      sampler,
      order,
    };
    printRun({ ...facts, cluster, visitorGraceMs: deps.graceMs.visitor, heldWhenVisitorsDone });

    expect(ledger.problems).toEqual([]);
    expect(outcome.finished).toBe(true);
    expect(outcome.killedAtMs).not.toBeNull();
    // One conversation per visitor, all closed, nobody still holding or waiting.
    expect(stored.length).toBe(visitors.length);
    expect(stored.filter((c) => c.status !== 'closed').map((c) => c.id)).toEqual([]);
    expect(sampler.lastHeld).toBe(0);
    expect(waiting).toEqual([0, 0]);
    // Every advisor learnt of the end of every chat it held (closed, or taken back while away).
    expect(advisors.filter((a) => a.held.size > 0).map((a) => a.describe())).toEqual([]);
    // 1 and 2: one holder at a time, never above capacity (Redis, sampled atomically; and transcripts).
    expect(sampler.violations).toEqual([]);
    expect(authorship).toEqual([]);
    // 3: first come, first served within each priority.
    expect(order.violations).toEqual([]);
    // 4: nothing lost, nothing doubled, every client's view matches the store.
    expect(messageProblems).toEqual([]);
  }, 180_000);
});
