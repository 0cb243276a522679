import { type Bench, sleep, split } from '../bench.ts';
import { percentiles } from '../histogram.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, resultOf } from './conversations.ts';

/** Connects a second offered, one step after another: the last is the target's 1,000. */
export const connectRates = (quick: boolean) => (quick ? [50, 100] : [250, 500, 1000]);

/** Seeded workers the scenario needs: a step's rate for the phase's seconds, each step new people. */
export const connectPeople = (quick: boolean, duration: number) =>
  connectRates(quick).reduce((sum, rate) => sum + rate * duration, 0);

const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);

/**
 * (f) Connects per second: seeded workers arrive at a fixed rate, each with a fresh ES256 token, and
 * each is admitted and answered with their claims as the chat does at connect. Per step: the rate
 * really served (connected and answered, over the time from the first arrival to the last answer),
 * the handshake and the claims answer after it, p50 and p99. Everyone leaves between steps.
 */
export async function connectsScenario(bench: Bench): Promise<ScenarioResult> {
  const { options, pool } = bench;
  const steps: [string, string][] = [];
  let best = 0;
  let bestClaimsP99 = Number.NaN;
  let last: ScenarioResult | null = null;
  for (const rate of connectRates(options.quick)) {
    await bench.settle();
    await pool.all({ kind: 'reset' });
    await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
    const people = bench.people(rate * options.duration);
    const sampler = bench.sampler('infocig');
    bench.progress.phase(`f connects: ${rate}/s for ${options.duration} s (${people.length} workers)`);
    sampler.start();
    const startedAt = Date.now();
    const shares = split(people, pool.size);
    await pool.each((g) => ({
      kind: 'visitors',
      target: 'infocig',
      urls: bench.urls,
      people: shares[g] ?? [],
      concurrency: 1,
      chat: false,
      perSecond: rate / pool.size,
    }));
    const answered = await bench.until(
      (c) => c.claimsAnswers >= people.length,
      Math.max(30_000, options.duration * 3000),
    );
    const elapsed = (Date.now() - startedAt) / 1000;
    const usage = sampler.stop();
    bench.progress.done();
    const merged = await pool.collect(false);
    await pool.all({ kind: 'disconnect', who: 'visitors' });
    await sleep(500);

    const served = merged.counters.claimsAnswers / elapsed;
    const handshake = percentiles(merged.histograms.connect);
    const claims = percentiles(merged.histograms.statusAnswer);
    const resources = bench.resources(usage);
    // The figure that does not depend on how much of the machine the generators leave the server.
    const cpuPerConnect =
      ((resources.serverCpuPercent / 100) * elapsed * 1e6) / merged.counters.claimsAnswers;
    steps.push([
      `${rate.toLocaleString('en')} connects/s offered`,
      `${served.toFixed(0)}/s served${answered ? '' : ' (not all answered in time)'}, handshake p50 ${ms(handshake?.p50)} p99 ${ms(handshake?.p99)}, claims at connect p50 ${ms(claims?.p50)} p99 ${ms(claims?.p99)}, server ${resources.serverCpuPercent.toFixed(0)}% cpu (${cpuPerConnect.toFixed(0)} µs a connect), everything else ${resources.othersCpuPercent.toFixed(0)}%, errors ${errorSummary(merged)}`,
    ]);
    if (answered && served >= rate * 0.9 && served > best) {
      best = served;
      bestClaimsP99 = claims?.p99 ?? Number.NaN;
    }
    last = resultOf(
      bench,
      { id: 'f', title: '(f) connects per second', target: 'infocig', connections: people.length },
      merged,
      usage,
      { chatsPerHour: 0, messagesPerSecond: 0 },
    );
  }
  const { rows } = bench.store;
  return {
    ...last!,
    extra: [
      [
        'store',
        `${bench.store.engine}: ${rows.paymentRequests.toLocaleString('en')} payment requests, ${rows.workers.toLocaleString('en')} workers`,
      ],
      [
        'highest rate served in full',
        `${best.toFixed(0)} connects/s (claims at connect p99 ${ms(bestClaimsP99)})`,
      ],
      ...steps,
    ],
    numbers: {
      connectsPerSecond: best,
      claimsAtConnectP99: bestClaimsP99,
      paymentRequests: rows.paymentRequests,
    },
  };
}
