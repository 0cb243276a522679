import { type Bench, sleep, split } from '../bench.ts';
import { percentiles } from '../histogram.ts';
import type { ScenarioResult } from '../result.ts';
import { errorSummary, resultOf } from './conversations.ts';

/**
 * (b) Turnover: new visitors arrive at `chatsPerHour`, each connects, gets the claims answer, asks
 * for an advisor (capacity is free), exchanges `messagesPerChat` messages in turn with the advisor
 * and closes. Chats per hour is what completed, over the span in which they completed. Uses the
 * advisors (b) left connected.
 */
export async function turnover(bench: Bench): Promise<ScenarioResult> {
  const { options, pool } = bench;
  const perSecond = options.chatsPerHour / 3600;
  const total = Math.max(10, Math.round(perSecond * options.duration));
  const thinkMs = options.quick ? 100 : 300;
  await bench.settle();
  await pool.all({ kind: 'reset' });
  await pool.all({
    kind: 'behaviour',
    behaviour: { kind: 'script', messagesPerChat: options.messagesPerChat, thinkMs },
  });
  const people = split(bench.people(total), pool.size);
  const sampler = bench.sampler('infocig');
  sampler.start();
  bench.progress.phase(
    `b turnover: ${options.chatsPerHour.toLocaleString('en')} chats/h (${total.toLocaleString('en')} chats of ${options.messagesPerChat} messages)`,
  );
  const startedAt = Date.now();
  await pool.each((g) => ({
    kind: 'visitors',
    target: 'infocig',
    urls: bench.urls,
    people: people[g] ?? [],
    concurrency: 0,
    perSecond: perSecond / pool.size,
    chat: true,
  }));
  const lifetimeMs = options.messagesPerChat * (thinkMs + 50);
  await bench.until((c) => c.chatsEnded >= total, 60_000 + lifetimeMs * 3);
  const usage = sampler.stop();
  bench.progress.done();
  await bench.drain();
  const merged = await pool.collect(true);
  await pool.all({ kind: 'disconnect', who: 'visitors' });
  await pool.all({ kind: 'disconnect', who: 'advisors' });
  await sleep(500);

  const done = merged.completions;
  const first = done[0] ?? startedAt;
  const last = done[done.length - 1] ?? startedAt;
  const spanSeconds = Math.max(0.001, (last - first) / 1000);
  const chatsPerHour = done.length > 1 ? ((done.length - 1) / spanSeconds) * 3600 : 0;
  const elapsed = Math.max(0.001, (last - startedAt) / 1000);
  const deliveries = merged.histograms.deliveryVA.totalCount + merged.histograms.deliveryAV.totalCount;
  const assignment = percentiles(merged.histograms.assignment);
  return resultOf(
    bench,
    { id: 'b-turnover', title: '(b) steady chat — turnover', target: 'infocig', connections: total },
    merged,
    usage,
    {
      chatsPerHour,
      messagesPerSecond: deliveries / elapsed,
      extra: [
        [
          'offered',
          `${options.chatsPerHour.toLocaleString('en')} chats/h, ${options.messagesPerChat} messages each, ${thinkMs} ms think time`,
        ],
        [
          'chats completed / stalled',
          `${done.length.toLocaleString('en')} / ${merged.counters.chatsStalled.toLocaleString('en')} of ${total.toLocaleString('en')}`,
        ],
        [
          'assignment p50 / p99 (advisor side, ms clock)',
          (() => {
            const a = percentiles(merged.histograms.assignmentAdvisor);
            return a ? `${a.p50.toFixed(1)} / ${a.p99.toFixed(1)} ms` : 'n/a';
          })(),
        ],
        ['command errors', errorSummary(merged)],
      ],
      numbers: {
        chatsPerHour,
        assignmentP99: assignment?.p99 ?? Number.NaN,
        offeredChatsPerHour: options.chatsPerHour,
      },
    },
  );
}
