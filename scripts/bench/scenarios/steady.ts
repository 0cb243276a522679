import { type Bench, sleep } from '../bench.ts';
import { combined, type Percentiles, percentiles } from '../histogram.ts';
import type { Target } from '../ipc.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, openConversations, resultOf, type StreamOutcome, stream } from './conversations.ts';

/** The sweep's latency bound: the highest rate whose p99 delivery stays within it is the throughput. */
export const SWEEP_P99_MS = 50;

const FULL_STEPS = [
  500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 7000, 8000, 10_000, 12_000, 14_000, 17_000, 20_000,
];
const QUICK_STEPS = [200, 600, 1500];

export interface SteadyResults {
  steady: ScenarioResult;
  steadyRelay: ScenarioResult;
  sweep: ScenarioResult;
  sweepRelay: ScenarioResult;
}

interface Opened {
  target: Target;
  live: number;
  connections: number;
  assignment: Percentiles | null;
  status: Percentiles | null;
  requestAck: Percentiles | null;
}

const ms = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(2)} ms`);

function p99Both(outcome: StreamOutcome): number | null {
  return (
    percentiles(combined(outcome.merged.histograms.deliveryVA, outcome.merged.histograms.deliveryAV))?.p99 ??
    null
  );
}

/** Within the bound: p99 delivery ≤ 50 ms, at least 90% of the offered rate delivered, no send failed. */
function meets(outcome: StreamOutcome, rate: number): boolean {
  const p99 = p99Both(outcome);
  return (
    p99 !== null &&
    p99 <= SWEEP_P99_MS &&
    outcome.delivered >= 0.9 * rate &&
    outcome.merged.counters.sendErrors === 0
  );
}

/** The server's CPU per delivered message in microseconds (all its processes): the figure to halve. */
function cpuMicrosPerMessage(bench: Bench, outcome: StreamOutcome): number {
  if (outcome.delivered <= 0) return Number.NaN;
  return ((bench.resources(outcome.usage).serverCpuPercent / 100) * 1e6) / outcome.delivered;
}

/**
 * CPU and Redis commands per delivered message, for infocig and the relay alike. Redis counts the
 * commands a script runs as well as the script's own call.
 */
function perMessage(bench: Bench, outcome: StreamOutcome): string {
  if (outcome.delivered <= 0) return 'n/a';
  return `${cpuMicrosPerMessage(bench, outcome).toFixed(0)} µs server CPU, ${(outcome.redisPerSecond / outcome.delivered).toFixed(2)} Redis commands (${Math.round(outcome.redisPerSecond).toLocaleString('en')}/s)`;
}

function describe(bench: Bench, outcome: StreamOutcome, within: boolean): string {
  const res = bench.resources(outcome.usage);
  return `${Math.round(outcome.delivered).toLocaleString('en')} delivered/s, p99 ${ms(p99Both(outcome) ?? undefined)}, server ${Math.round(res.serverCpuPercent)}% cpu, generators ${Math.round(res.generatorsCpuPercent)}%, everything else ${Math.round(res.othersCpuPercent)}%; per message ${perMessage(bench, outcome)}${within ? '' : '  ✗'}`;
}

const suffixOf = (target: Target) => (target === 'relay' ? ' — bare relay' : '');

async function open(bench: Bench, target: Target): Promise<Opened> {
  const { options } = bench;
  bench.progress.phase(
    `b steady (${target}): opening ${options.conversations.toLocaleString('en')} conversations`,
  );
  const tag = target === 'relay' ? 'rb' : 'b';
  const opened = await openConversations(bench, target, tag, options.conversations, options.advisors);
  return {
    target,
    live: opened.live,
    connections: opened.live + options.advisors,
    assignment: percentiles(opened.merged.histograms.assignment),
    status: percentiles(opened.merged.histograms.statusAnswer),
    requestAck: percentiles(opened.merged.histograms.requestAck),
  };
}

async function steadyRun(bench: Bench, opened: Opened): Promise<ScenarioResult> {
  const { options } = bench;
  const { target } = opened;
  bench.progress.phase(
    `b steady (${target}): ${options.rate.toLocaleString('en')} msg/s for ${options.duration} s`,
  );
  const run = await stream(bench, target, options.rate, options.duration, true);
  bench.progress.done();
  return resultOf(
    bench,
    {
      id: target === 'relay' ? 'b-relay' : 'b',
      title: `(b) steady chat${suffixOf(target)}`,
      target,
      connections: opened.connections,
    },
    run.merged,
    run.usage,
    {
      chatsPerHour: 0,
      messagesPerSecond: run.delivered,
      assignment: opened.assignment,
      statusAnswer: opened.status,
      extra: [
        ['live conversations', opened.live.toLocaleString('en')],
        ['offered rate', `${options.rate.toLocaleString('en')} msg/s for ${run.seconds} s`],
        ['ack p99 (chat:send)', ms(percentiles(run.merged.histograms.ack)?.p99)],
        ['per delivered message', perMessage(bench, run)],
        ...(target === 'infocig'
          ? ([
              ['chat:request ack p99 (opening the chats)', ms(opened.requestAck?.p99)],
              [
                'messages pushed before the advisor’s chat:assigned',
                run.merged.counters.messagesBeforeAssignment.toLocaleString('en'),
              ],
            ] as [string, string][])
          : []),
        ['command errors', errorSummary(run.merged)],
      ],
      numbers: {
        p99: p99Both(run) ?? Number.NaN,
        rate: options.rate,
        cpuMicrosPerMessage: cpuMicrosPerMessage(bench, run),
      },
    },
  );
}

interface Sweep {
  opened: Opened;
  lines: [string, string][];
  best: StreamOutcome | null;
  done: boolean;
}

/** One step of one target's sweep; a step that misses is tried once more (a shared machine). */
async function sweepStep(bench: Bench, sweep: Sweep, rate: number, seconds: number): Promise<void> {
  const { target } = sweep.opened;
  bench.progress.phase(`b sweep (${target}): ${rate.toLocaleString('en')} msg/s`);
  let outcome = await stream(bench, target, rate, seconds, false);
  let within = meets(outcome, rate);
  if (!within) {
    sweep.lines.push([
      `  ${rate.toLocaleString('en')} msg/s offered (first try)`,
      describe(bench, outcome, false),
    ]);
    outcome = await stream(bench, target, rate, seconds, false);
    within = meets(outcome, rate);
  }
  sweep.lines.push([`  ${rate.toLocaleString('en')} msg/s offered`, describe(bench, outcome, within)]);
  if (within) sweep.best = outcome;
  else sweep.done = true;
}

function sweepResult(bench: Bench, sweep: Sweep, fallback: ScenarioResult): ScenarioResult {
  const { target } = sweep.opened;
  const id = target === 'relay' ? 'b-sweep-relay' : 'b-sweep';
  const title = `(b) throughput sweep${suffixOf(target)}`;
  const label = `highest rate with p99 ≤ ${SWEEP_P99_MS} ms`;
  const top = sweep.best;
  if (!top)
    return {
      ...fallback,
      id,
      title,
      messagesPerSecond: 0,
      extra: [[label, 'none of the steps'], ...sweep.lines],
      numbers: { throughput: 0 },
    };
  return resultOf(
    bench,
    { id, title, target, connections: sweep.opened.connections },
    top.merged,
    top.usage,
    {
      chatsPerHour: 0,
      messagesPerSecond: top.delivered,
      assignment: sweep.opened.assignment,
      statusAnswer: sweep.opened.status,
      extra: [[label, `${Math.round(top.delivered).toLocaleString('en')} msg/s`], ...sweep.lines],
      numbers: { throughput: top.delivered },
    },
  );
}

/**
 * (b) Steady chat, against infocig and the bare relay side by side: `conversations` live chats on
 * each, exchanging `rate` messages a second, open loop, for `duration` seconds (infocig, then the
 * relay); then a sweep of rising rates, each step run on infocig and then on the relay, so both
 * meet the same background load on a shared machine, until p99 delivery passes 50 ms (or the
 * delivered rate falls behind): the highest rate within it is the throughput. infocig's advisors
 * stay connected for the turnover phase.
 */
export async function steady(bench: Bench): Promise<SteadyResults> {
  const { options, pool } = bench;
  const own = await open(bench, 'infocig');
  const relay = await open(bench, 'relay');
  const steadyOwn = await steadyRun(bench, own);
  const steadyRelay = await steadyRun(bench, relay);

  const steps = options.quick ? QUICK_STEPS : FULL_STEPS;
  const seconds = options.quick ? 1 : 6;
  const sweeps: Sweep[] = [own, relay].map((opened) => ({ opened, lines: [], best: null, done: false }));
  for (const rate of steps) {
    for (const sweep of sweeps) if (!sweep.done) await sweepStep(bench, sweep, rate, seconds);
    if (sweeps.every((s) => s.done)) break;
  }
  bench.progress.done();

  await pool.all({ kind: 'close-chats' });
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await sleep(500);
  return {
    steady: steadyOwn,
    steadyRelay,
    sweep: sweepResult(bench, sweeps[0] as Sweep, steadyOwn),
    sweepRelay: sweepResult(bench, sweeps[1] as Sweep, steadyRelay),
  };
}
