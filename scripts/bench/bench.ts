import type { BenchRedis } from './environment.ts';
import type { GeneratorPool, Merged } from './generator-pool.ts';
import type { AdvisorSpec, Counters, Person } from './ipc.ts';
import type { BenchOptions } from './options.ts';
import { sampleProc, UsageSampler } from './proc-stats.ts';
import type { ServerProcess } from './processes.ts';
import type { Progress } from './progress.ts';
import { mb, type Resources } from './result.ts';
import type { BenchStore } from './store.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits items round-robin into `parts` lists. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => {
    out[i % parts]?.push(item);
  });
  return out;
}

/** Everything a scenario needs: options, processes, people to play, and measuring tools. */
export class Bench {
  private nextPerson = 0;
  private synthetic = 0;

  constructor(
    readonly options: BenchOptions,
    readonly pool: GeneratorPool,
    readonly servers: ServerProcess[],
    readonly relay: ServerProcess,
    readonly redis: BenchRedis,
    readonly store: BenchStore,
    readonly prefix: string,
    readonly progress: Progress,
    readonly openFiles: number,
    readonly cores: number,
  ) {}

  get urls(): string[] {
    return this.servers.map((s) => s.url);
  }

  /** People nobody has played yet in this run: seeded workers first, then synthetic ones. */
  people(count: number, realOnly = false): Person[] {
    const out: Person[] = [];
    const seeded = this.store.people;
    while (out.length < count && this.nextPerson < seeded.length)
      out.push(seeded[this.nextPerson++] as Person);
    while (!realOnly && out.length < count) {
      const n = this.synthetic++;
      out.push({ sub: `BNCH${String(n).padStart(12, '0')}`, name: `Visitatore ${n}`, province: 'RM' });
    }
    return out;
  }

  advisors(tag: string, count: number): AdvisorSpec[] {
    return Array.from({ length: count }, (_, i) => ({
      sub: `BENCHADV${this.options.runTag}${tag}${i}`.toUpperCase(),
      name: `Operatore ${tag}${i}`,
    }));
  }

  /** Samples server, Redis, generator and machine CPU and memory over a phase. */
  sampler(target: 'infocig' | 'relay'): UsageSampler {
    return new UsageSampler(() => ({
      server: target === 'infocig' ? this.servers.map((s) => s.pid) : [this.relay.pid],
      redis: this.redis.pid ? [this.redis.pid] : [],
      generators: this.pool.pids(),
    }));
  }

  resources(usage: ReturnType<UsageSampler['stop']>): Resources {
    const server = usage.groups.server;
    const ours =
      (server?.cpuPercent ?? 0) +
      (usage.groups.redis?.cpuPercent ?? 0) +
      (usage.groups.generators?.cpuPercent ?? 0);
    return {
      serverRssMb: mb(server?.rssEnd ?? 0),
      serverRssPeakMb: mb(server?.rssPeak ?? 0),
      serverCpuPercent: server?.cpuPercent ?? 0,
      redisCpuPercent: usage.groups.redis ? usage.groups.redis.cpuPercent : null,
      generatorsCpuPercent: usage.groups.generators?.cpuPercent ?? 0,
      othersCpuPercent: Math.max(0, usage.machineBusyPercent * this.cores - ours),
    };
  }

  /**
   * Waits until the servers are quiet (under 15% of a core over half a second, 20 s at most):
   * a phase starts on a server that has finished the last one's closes and departures.
   */
  async settle(): Promise<void> {
    const cpu = () => this.servers.reduce((sum, s) => sum + (sampleProc(s.pid)?.cpuSeconds ?? 0), 0);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const before = cpu();
      await sleep(500);
      if ((cpu() - before) / 0.5 < 0.15) return;
    }
  }

  /** Waits until the generators' summed counters satisfy `done`, or the time is up. */
  async until(done: (c: Counters) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (done(await this.pool.counters())) return true;
      await sleep(250);
    }
    return false;
  }

  /**
   * Lets every sent message be acked and delivered before counting; resolves with when the last
   * ack came (within the 250 ms the generators are polled at).
   */
  async drain(): Promise<number> {
    await sleep(this.options.quick ? 150 : 300);
    await this.until((c) => c.inflight === 0, 30_000);
    const drainedAt = Date.now();
    await sleep(this.options.quick ? 300 : 700);
    return drainedAt;
  }
}

export type { Merged };
