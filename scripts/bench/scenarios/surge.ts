import { Redis } from 'ioredis';
import { createKeys } from '../../../server/src/redis/keys.ts';
import { type Bench, sleep, split } from '../bench.ts';
import { percentiles } from '../histogram.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, resultOf } from './conversations.ts';

const CAPACITY = 3;

/**
 * (c) Surge: a burst of new chats far above advisor capacity. The queue grows, waiting visitors get
 * position updates, and each chat that ends frees a slot for the next in line. Measures the queue's
 * peak, the position pushes, how fast a freed slot is refilled, and how long the queue takes to drain.
 */
export async function surge(bench: Bench): Promise<ScenarioResult> {
  const { options, pool } = bench;
  await bench.settle();
  const slots = options.surgeAdvisors * CAPACITY;
  const advisors = split(bench.advisors('c', options.surgeAdvisors), pool.size);
  bench.progress.phase(`c surge: ${options.surgeAdvisors} advisors (${slots} slots) connecting`);
  await pool.all({ kind: 'reset' });
  await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
  await pool.each((g) => ({
    kind: 'advisors',
    target: 'infocig',
    urls: bench.urls,
    advisors: advisors[g] ?? [],
    capacity: CAPACITY,
  }));
  const thinkMs = options.quick ? 20 : 50;
  await pool.all({ kind: 'reset' });
  await pool.all({
    kind: 'behaviour',
    behaviour: { kind: 'script', messagesPerChat: options.messagesPerChat, thinkMs },
  });

  const redis = new Redis(bench.redis.url);
  let queuePeak = 0;
  const queueKey = createKeys(bench.prefix).queueWaiting('workers');
  const watcher = setInterval(() => {
    redis.zcard(queueKey).then(
      (n) => {
        queuePeak = Math.max(queuePeak, n);
      },
      () => {},
    );
  }, 200);

  const burstSeconds = options.quick ? 1 : 3;
  const people = split(bench.people(options.surge), pool.size);
  const sampler = bench.sampler('infocig');
  sampler.start();
  bench.progress.phase(
    `c surge: ${options.surge.toLocaleString('en')} chats within ${burstSeconds} s onto ${slots} slots`,
  );
  const startedAt = Date.now();
  await pool.each((g) => ({
    kind: 'visitors',
    target: 'infocig',
    urls: bench.urls,
    people: people[g] ?? [],
    concurrency: 0,
    perSecond: options.surge / burstSeconds / pool.size,
    chat: true,
  }));
  await bench.until((c) => c.chatsEnded >= options.surge, options.quick ? 40_000 : 300_000);
  const usage = sampler.stop();
  bench.progress.done();
  clearInterval(watcher);
  await bench.drain();
  const merged = await pool.collect(true);
  redis.disconnect();
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await pool.all({ kind: 'disconnect', who: 'advisors' });
  await sleep(500);

  const done = merged.completions;
  const drainSeconds = Math.max(0.001, ((done[done.length - 1] ?? startedAt) - startedAt) / 1000);
  const chatsPerHour = (done.length / drainSeconds) * 3600;
  const deliveries = merged.histograms.deliveryVA.totalCount + merged.histograms.deliveryAV.totalCount;
  const wait = percentiles(merged.histograms.assignment);
  const refill = percentiles(merged.histograms.reassignment);
  return resultOf(
    bench,
    { id: 'c', title: '(c) surge', target: 'infocig', connections: options.surge + options.surgeAdvisors },
    merged,
    usage,
    {
      chatsPerHour,
      messagesPerSecond: deliveries / drainSeconds,
      extra: [
        [
          'burst',
          `${options.surge.toLocaleString('en')} chats in ${burstSeconds} s onto ${slots} advisor slots (${options.surgeAdvisors} × ${CAPACITY})`,
        ],
        ['queue peak', queuePeak.toLocaleString('en')],
        [
          'chat:request ack p50 / p99',
          (() => {
            const r = percentiles(merged.histograms.requestAck);
            return r ? `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms (n=${r.count})` : 'n/a';
          })(),
        ],
        ['highest position pushed', merged.counters.maxPosition.toLocaleString('en')],
        [
          'position updates received',
          `${merged.counters.positionUpdates.toLocaleString('en')} (${(merged.counters.positionUpdates / Math.max(1, options.surge)).toFixed(1)} per visitor)`,
        ],
        [
          'wait for an advisor p50 / p99',
          wait ? `${(wait.p50 / 1000).toFixed(2)} / ${(wait.p99 / 1000).toFixed(2)} s` : 'n/a',
        ],
        [
          'slot freed → next chat assigned p50 / p99',
          refill ? `${refill.p50.toFixed(2)} / ${refill.p99.toFixed(2)} ms` : 'n/a',
        ],
        [
          'queue drained in',
          `${drainSeconds.toFixed(1)} s (${done.length.toLocaleString('en')} chats completed, ${merged.counters.chatsStalled} stalled)`,
        ],
        ['connections refused or timed out', merged.counters.connectFailures.toLocaleString('en')],
        ['command errors', errorSummary(merged)],
      ],
      numbers: { refillP99: refill?.p99 ?? Number.NaN, queuePeak },
    },
  );
}
