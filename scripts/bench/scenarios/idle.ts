import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, sleep, split } from '../bench.ts';
import { memoryAfterGc } from '../heap.ts';
import { percentiles } from '../histogram.ts';
import type { Person, Target } from '../ipc.ts';
import type { ScenarioResult } from '../result.ts';

/** File descriptors a server process needs besides its sockets (Redis, PostgreSQL, files). */
const FD_RESERVE = 400;

/** How many idle visitors one server process can be offered under the open-files limit. */
export function idleCapacity(bench: Bench, target: Target): number {
  const servers = target === 'infocig' ? bench.servers.length : 1;
  const perGenerator = bench.openFiles - FD_RESERVE;
  return Math.min(
    bench.options.visitors,
    servers * (bench.openFiles - FD_RESERVE),
    bench.pool.size * perGenerator,
  );
}

/**
 * (a) Idle capacity: as many visitors as the process holds, authenticated, each having had its
 * session and claims answer, then just connected. Memory per connection is the server's RSS growth
 * divided by the connections held.
 */
export async function idle(bench: Bench, target: Target): Promise<ScenarioResult> {
  const { pool, options } = bench;
  const count = idleCapacity(bench, target);
  const people: Person[] =
    target === 'infocig'
      ? bench.people(count)
      : Array.from({ length: count }, (_, i) => ({
          sub: `idle${i}`,
          name: 'idle',
          province: 'RM',
          relay: { conversationId: `idle-${i}`, advisorId: '' },
        }));
  const urls = target === 'infocig' ? bench.urls : [bench.relay.url];
  const sampler = bench.sampler(target);
  await pool.all({ kind: 'reset' });
  await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
  await sleep(500);
  const servers = target === 'infocig' ? bench.servers : [bench.relay];
  if (options.heapSnapshots) mkdirSync(options.heapSnapshots, { recursive: true });
  const snapshot = (when: string) =>
    options.heapSnapshots ? join(options.heapSnapshots, `${target}-${when}.heapsnapshot`) : undefined;
  const before = await memoryAfterGc(servers, snapshot('before'));
  const rssBefore = sampler.rssNow('server');
  sampler.start();
  bench.progress.phase(`a idle capacity (${target}): ${count.toLocaleString('en')} visitors`);
  const startedAt = Date.now();
  const shares = split(people, pool.size);
  await pool.each((g) => ({
    kind: 'visitors',
    target,
    urls,
    people: shares[g] ?? [],
    concurrency: options.quick ? 20 : 40,
    chat: false,
    settled: true,
  }));
  const connectSeconds = (Date.now() - startedAt) / 1000;
  if (target === 'infocig') await bench.until((c) => c.claimsAnswers >= c.visitorsConnected, 60_000);
  await sleep(options.quick ? 500 : 4000);
  const rssHeld = sampler.rssNow('server');
  const held_ = await memoryAfterGc(servers, snapshot('held'));
  const merged = await pool.collect(false);
  const usage = sampler.stop();
  bench.progress.done();
  const held = merged.counters.visitorsConnected;
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await sleep(options.quick ? 300 : 3000);

  const perConnectionKb = held > 0 ? (rssHeld - rssBefore) / held / 1024 : 0;
  const gc =
    before && held_ && held > 0
      ? { heapKb: (held_.heap - before.heap) / held / 1024, rssKb: (held_.rss - before.rss) / held / 1024 }
      : null;
  const connect = percentiles(merged.histograms.connect);
  return {
    id: target === 'infocig' ? 'a' : 'a-relay',
    title: target === 'infocig' ? '(a) idle capacity' : '(a) idle capacity — bare relay',
    target,
    connections: held,
    chatsPerHour: 0,
    messagesPerSecond: 0,
    deliveryVA: null,
    deliveryAV: null,
    assignment: null,
    statusAnswer: percentiles(merged.histograms.statusAnswer),
    lost: 0,
    duplicated: 0,
    resources: bench.resources(usage),
    extra: [
      ['connections offered', count.toLocaleString('en')],
      ['connection failures', merged.counters.connectFailures.toLocaleString('en')],
      [
        'memory per connection (RSS growth)',
        `${perConnectionKb.toFixed(1)} KB (RSS ${(rssBefore / 1048576).toFixed(0)} → ${(rssHeld / 1048576).toFixed(0)} MB)`,
      ],
      [
        'after a full GC, per connection',
        gc
          ? `${gc.rssKb.toFixed(1)} KB of RSS, of which ${gc.heapKb.toFixed(1)} KB V8 heap + external (heap ${((before?.heap ?? 0) / 1048576).toFixed(0)} → ${((held_?.heap ?? 0) / 1048576).toFixed(0)} MB)`
          : 'n/a (no inspector)',
      ],
      ['connect rate', `${(held / connectSeconds).toFixed(0)} connections/s`],
      ['connect handshake p99', connect ? `${connect.p99.toFixed(2)} ms` : 'n/a'],
    ],
    numbers: {
      memoryPerConnectionKb: gc?.rssKb ?? perConnectionKb,
      heapPerConnectionKb: gc?.heapKb ?? Number.NaN,
      rssGrowthKb: perConnectionKb,
      held,
    },
  };
}
