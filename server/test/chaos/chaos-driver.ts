import type { AdvisorActor } from './advisor-actor.ts';
import type { Ledger } from './ledger.ts';
import { random } from './random.ts';
import type { ServerCluster } from './server-cluster.ts';
import type { VisitorActor } from './visitor-actor.ts';
import { randomBetween, sleep } from './workload.ts';

export interface ChaosSchedule {
  /** The run stops here even if chats are still open (and the test then fails). */
  deadlineMs: number;
  /** SIGKILL this process this long after the start. */
  kill: { atMs: number; index: number };
  visitorBounces: { perSecond: number; downMs: [number, number] };
  advisorBounces: { perSecond: number; downMs: [number, number] };
  /** When an advisor reloads its console (see AdvisorActor.needsReload). */
  advisorReload: { unannouncedMs: number; silentMs: number };
}

const TICK_MS = 100;

function draws(perSecond: number): number {
  const expected = (perSecond * TICK_MS) / 1000;
  return Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
}

function pick<T>(items: T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/**
 * Runs every visitor to the end of its chat while connections drop at random and one process is
 * killed. Resolves when all visitors are done or the deadline passes.
 */
export async function runChaos(
  cluster: ServerCluster,
  visitors: VisitorActor[],
  advisors: AdvisorActor[],
  ledger: Ledger,
  schedule: ChaosSchedule,
): Promise<{ finished: boolean; elapsedMs: number; killedAtMs: number | null }> {
  const start = Date.now();
  let finished = false;
  let killedAtMs: number | null = null;
  const all = Promise.all(
    visitors.map((v) =>
      v.run().catch((err: unknown) => {
        ledger.problems.push(`visitor ${v.index}: ${String(err)}`);
      }),
    ),
  ).then(() => {
    finished = true;
  });
  const bounce = (link: { bounce(ms: number): Promise<void> } | undefined, downMs: [number, number]) => {
    if (!link) return;
    ledger.counts.bounces++;
    void link.bounce(randomBetween(...downMs));
  };

  while (!finished && Date.now() - start < schedule.deadlineMs) {
    await sleep(TICK_MS);
    const elapsed = Date.now() - start;
    if (killedAtMs === null && elapsed >= schedule.kill.atMs) {
      cluster.kill(schedule.kill.index);
      ledger.counts.kills++;
      ledger.killedAt = Date.now();
      killedAtMs = elapsed;
    }
    const active = visitors.filter((v) => v.link.connected && !v.done);
    for (let n = draws(schedule.visitorBounces.perSecond); n > 0; n--) {
      bounce(pick(active)?.link, schedule.visitorBounces.downMs);
    }
    const connected = advisors.filter((a) => a.link.connected);
    for (let n = draws(schedule.advisorBounces.perSecond); n > 0; n--) {
      bounce(pick(connected)?.link, schedule.advisorBounces.downMs);
    }
    for (const advisor of advisors) {
      const reason = advisor.needsReload(schedule.advisorReload);
      if (reason) advisor.reload(reason);
    }
  }
  if (!finished) for (const v of visitors) v.stop();
  await all;
  return { finished, elapsedMs: Date.now() - start, killedAtMs };
}
