import { type Bench, sleep, split } from '../bench.ts';
import { percentiles } from '../histogram.ts';
import type { Person } from '../ipc.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, resultOf } from './conversations.ts';

/**
 * (d) Claim-status lookups: seeded workers, spread over the whole store, connect (each gets its
 * `claims:status` answer at connect) and then ask again with `claims:get` at a fixed rate.
 */
export async function claimLookups(bench: Bench, people: Person[]): Promise<ScenarioResult> {
  const { options, pool, store } = bench;
  await bench.settle();
  await pool.all({ kind: 'reset' });
  await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
  bench.progress.phase(`d claims: ${people.length.toLocaleString('en')} seeded workers connecting`);
  const shares = split(people, pool.size);
  await pool.each((g) => ({
    kind: 'visitors',
    target: 'infocig',
    urls: bench.urls,
    people: shares[g] ?? [],
    concurrency: 10,
    chat: false,
  }));
  await bench.until((c) => c.claimsAnswers >= c.visitorsConnected, 30_000);
  const atConnect = await pool.collect(false);

  await pool.all({ kind: 'reset' });
  const sampler = bench.sampler('infocig');
  sampler.start();
  bench.progress.phase(`d claims: claims:get at ${options.claimsRate}/s for ${options.duration} s`);
  await pool.all({
    kind: 'claims-load',
    perSecond: options.claimsRate / pool.size,
    durationMs: options.duration * 1000,
  });
  const usage = sampler.stop();
  bench.progress.done();
  const merged = await pool.collect(false);
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await sleep(300);

  const lookups = percentiles(merged.histograms.claimsGet);
  const perAnswer =
    merged.counters.claimsAnswers > 0 ? merged.counters.claimsReturned / merged.counters.claimsAnswers : 0;
  const { rows } = store;
  return resultOf(
    bench,
    {
      id: 'd',
      title: '(d) claim-status lookups',
      target: 'infocig',
      connections: atConnect.counters.visitorsConnected,
    },
    merged,
    usage,
    {
      chatsPerHour: 0,
      messagesPerSecond: 0,
      statusAnswer: lookups,
      extra: [
        [
          'store',
          `${store.engine}: ${rows.paymentRequests.toLocaleString('en')} payment requests, ${rows.applications.toLocaleString('en')} applications, ${rows.workers.toLocaleString('en')} workers`,
        ],
        [
          'claims:get answered',
          `${merged.counters.claimsAnswers.toLocaleString('en')} at ${(merged.counters.claimsAnswers / options.duration).toFixed(0)}/s, ${perAnswer.toFixed(1)} claims each`,
        ],
        [
          'claims:get p50 / p95 / p99',
          lookups
            ? `${lookups.p50.toFixed(2)} / ${lookups.p95.toFixed(2)} / ${lookups.p99.toFixed(2)} ms`
            : 'n/a',
        ],
        [
          'claims:status at connect p50 / p99',
          (() => {
            const s = percentiles(atConnect.histograms.statusAnswer);
            return s ? `${s.p50.toFixed(2)} / ${s.p99.toFixed(2)} ms` : 'n/a';
          })(),
        ],
        ['command errors', errorSummary(merged)],
      ],
      numbers: { claimsP99: lookups?.p99 ?? Number.NaN, paymentRequests: rows.paymentRequests },
    },
  );
}
