import { type Bench, sleep } from '../bench.ts';
import { combined, percentiles } from '../histogram.ts';
import type { FloodReport } from '../ipc.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, openConversations, resultOf, type StreamOutcome, stream } from './conversations.ts';

/** The target: honest chats' p99 delivery with the flood at most this many times the quiet one. */
export const FLOOD_P99_RATIO = 1.5;

const p99Of = (outcome: StreamOutcome) =>
  percentiles(combined(outcome.merged.histograms.deliveryVA, outcome.merged.histograms.deliveryAV))?.p99 ??
  Number.NaN;

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/**
 * (e) Flood: honest chats stream at `floodBaseRate` for `duration` seconds, quiet; then again while
 * one more visitor's socket sends `floodRate` messages a second into its own chat, without waiting
 * for answers. Both p99 deliveries of the honest chats are reported, and their ratio. The servers
 * run with LIMIT_DISCONNECT_AFTER=0, so the flooder is never dropped: the limiter itself must
 * absorb the flood for the whole phase (the worst case; by default the socket is closed after 100
 * refusals in a row).
 */
export async function floodScenario(bench: Bench): Promise<ScenarioResult> {
  const { options, pool } = bench;
  const count = options.quick ? 50 : 200;
  const advisorCount = options.quick ? 10 : 20;
  bench.progress.phase(`e flood: opening ${count} conversations`);
  const opened = await openConversations(bench, 'infocig', 'e', count, advisorCount);
  await bench.settle();
  bench.progress.phase(`e flood: quiet, ${options.floodBaseRate} msg/s for ${options.duration} s`);
  const quiet = await stream(bench, 'infocig', options.floodBaseRate, options.duration, false);
  await bench.settle();

  const [person] = bench.people(1);
  if (!person) throw new Error('no person left to play the flooder');
  bench.progress.phase(
    `e flood: ${options.floodBaseRate} msg/s beside one socket sending ${options.floodRate} msg/s`,
  );
  const flooding = pool.each((g) =>
    g === 0
      ? {
          kind: 'flood',
          url: bench.urls[0] as string,
          person,
          perSecond: options.floodRate,
          durationMs: (options.duration + 1.5) * 1000,
        }
      : null,
  );
  // The flooder connects and gets its chat first; the measured stream runs inside its flood.
  await sleep(1000);
  const flooded = await stream(bench, 'infocig', options.floodBaseRate, options.duration, false);
  const report = JSON.parse(((await flooding)[0] as { note?: string }).note ?? '{}') as FloodReport;
  bench.progress.done();
  await pool.all({ kind: 'close-chats' });
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await pool.all({ kind: 'disconnect', who: 'advisors' });
  await sleep(500);

  const quietP99 = p99Of(quiet);
  const floodP99 = p99Of(flooded);
  const ratio = floodP99 / quietP99;
  return resultOf(
    bench,
    {
      id: 'e',
      title: '(e) flood: one socket at the limit',
      target: 'infocig',
      connections: opened.live + advisorCount + 1,
    },
    flooded.merged,
    flooded.usage,
    {
      chatsPerHour: 0,
      messagesPerSecond: flooded.delivered,
      extra: [
        ['honest chats', `${opened.live} at ${options.floodBaseRate.toLocaleString('en')} msg/s`],
        ['honest p99 delivery, quiet', ms(quietP99)],
        ['honest p99 delivery, during the flood', ms(floodP99)],
        [
          'ratio (target ≤ 1.5×)',
          `${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}×${ratio <= FLOOD_P99_RATIO ? '' : '  ✗'}`,
        ],
        [
          'flooding socket',
          `${report.sent?.toLocaleString('en')} sent, ${report.accepted?.toLocaleString('en')} accepted, ${report.limited?.toLocaleString('en')} RATE_LIMITED, ${report.otherErrors} other errors, ${report.unanswered} unanswered${report.disconnected ? ', disconnected' : ', still connected'}`,
        ],
        ['honest command errors', errorSummary(flooded.merged)],
      ],
      numbers: { quietP99, floodP99, ratio },
    },
  );
}
