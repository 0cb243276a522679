import { type Bench, sleep, split } from '../bench.ts';
import { commandsProcessed } from '../environment.ts';
import type { Merged } from '../generator-pool.ts';
import { percentiles } from '../histogram.ts';
import type { AdvisorSpec, Person, Target } from '../ipc.ts';
import type { UsageSampler } from '../proc-stats.ts';
import type { ScenarioResult } from '../result.ts';

export const MAX_CAPACITY = 10;

/**
 * Connects `advisors` advisors and `count` visitors whose chats they take: on infocig through the
 * real queue (each visitor asks, the server assigns); on the relay paired up front. Resolves with
 * how many conversations are live.
 */
export async function openConversations(
  bench: Bench,
  target: Target,
  tag: string,
  count: number,
  advisorCount: number,
): Promise<{ live: number; merged: Merged }> {
  const { pool, options } = bench;
  await pool.all({ kind: 'reset' });
  await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
  // Sockets already open (the other target's conversations) are not this target's.
  const before = (await pool.counters()).visitorsConnected;
  if (target === 'infocig') {
    const capacity = Math.min(MAX_CAPACITY, Math.ceil(count / advisorCount) + 1);
    const advisors = split(bench.advisors(tag, advisorCount), pool.size);
    await pool.each((g) => ({
      kind: 'advisors',
      target,
      urls: bench.urls,
      advisors: advisors[g] ?? [],
      capacity,
    }));
    const people = split(bench.people(count), pool.size);
    await pool.each((g) => ({
      kind: 'visitors',
      target,
      urls: bench.urls,
      people: people[g] ?? [],
      concurrency: options.quick ? 10 : 20,
      chat: true,
    }));
    // Both sides must hold the chat before the stream starts: the advisor's push comes later.
    await bench.until((c) => c.chatsAssigned >= count && c.advisorAssignments >= count, 30_000 + count * 20);
  } else {
    const advisorSpecs: AdvisorSpec[] = Array.from({ length: advisorCount }, (_, a) => ({
      sub: `r${tag}a${a}`,
      name: `relay ${a}`,
      relayConversations: [] as string[],
    }));
    const people: Person[] = Array.from({ length: count }, (_, i) => {
      const advisor = advisorSpecs[i % advisorCount] as AdvisorSpec;
      const conversationId = `r${tag}c${i}`;
      advisor.relayConversations?.push(conversationId);
      return {
        sub: conversationId,
        name: 'relay',
        province: 'RM',
        relay: { conversationId, advisorId: advisor.sub },
      };
    });
    const advisors = split(advisorSpecs, pool.size);
    await pool.each((g) => ({
      kind: 'advisors',
      target,
      urls: [bench.relay.url],
      advisors: advisors[g] ?? [],
      capacity: 0,
    }));
    const shares = split(people, pool.size);
    await pool.each((g) => ({
      kind: 'visitors',
      target,
      urls: [bench.relay.url],
      people: shares[g] ?? [],
      concurrency: 20,
      chat: false,
    }));
  }
  const merged = await pool.collect(false);
  const live =
    target === 'infocig' ? merged.counters.chatsAssigned : merged.counters.visitorsConnected - before;
  return { live, merged };
}

export interface StreamOutcome {
  merged: Merged;
  usage: ReturnType<UsageSampler['stop']>;
  seconds: number;
  offered: number;
  /** Messages delivered to the other side, per second. */
  delivered: number;
  /** Redis commands processed per second over the phase (every client's: infocig's alone in practice). */
  redisPerSecond: number;
}

/** Every live conversation sends, open loop, `rate` messages a second in all for `seconds`. */
export async function stream(
  bench: Bench,
  target: Target,
  rate: number,
  seconds: number,
  ledger: boolean,
): Promise<StreamOutcome> {
  const { pool } = bench;
  await pool.all({ kind: 'reset' });
  const sampler = bench.sampler(target);
  const commandsBefore = await commandsProcessed(bench.redis.url);
  sampler.start();
  const startedAt = Date.now();
  await pool.all({
    kind: 'behaviour',
    behaviour: { kind: 'stream', ratePerSecond: rate / pool.size, target },
  });
  await sleep(seconds * 1000);
  await pool.all({ kind: 'behaviour', behaviour: { kind: 'quiet' } });
  const usage = sampler.stop();
  await bench.drain();
  const commands = (await commandsProcessed(bench.redis.url)) - commandsBefore;
  const merged = await pool.collect(ledger);
  // A server that falls behind delivers the backlog after the senders stop: the rate counts that time.
  const span = Math.max(seconds, (merged.counters.lastDeliveryAt - startedAt) / 1000);
  const delivered =
    (merged.histograms.deliveryVA.totalCount + merged.histograms.deliveryAV.totalCount) / span;
  return { merged, usage, seconds, offered: rate, delivered, redisPerSecond: commands / span };
}

/** The common figures of a phase, from what the generators merged and what /proc said. */
export function resultOf(
  bench: Bench,
  base: Pick<ScenarioResult, 'id' | 'title' | 'target' | 'connections'>,
  merged: Merged,
  usage: ReturnType<UsageSampler['stop']>,
  figures: Partial<ScenarioResult>,
): ScenarioResult {
  return {
    ...base,
    chatsPerHour: null,
    messagesPerSecond: null,
    deliveryVA: percentiles(merged.histograms.deliveryVA),
    deliveryAV: percentiles(merged.histograms.deliveryAV),
    assignment: percentiles(merged.histograms.assignment),
    statusAnswer: percentiles(merged.histograms.statusAnswer),
    lost: merged.lostVA + merged.lostAV,
    duplicated: merged.duplicated,
    resources: bench.resources(usage),
    extra: [],
    numbers: {},
    ...figures,
  };
}

/** How many commands failed, and the commonest reasons. */
export function errorSummary(merged: Merged): string {
  const entries = Object.entries(merged.errors).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return '0';
  return `${total.toLocaleString('en')} (${entries
    .slice(0, 3)
    .map(([what, n]) => `${what.trim()} ×${n}`)
    .join('; ')})`;
}
