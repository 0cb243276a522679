import type { AdvisorActor } from './advisor-actor.ts';
import type { Ledger } from './ledger.ts';
import type { LinkCounters } from './link.ts';
import type { OrderReport } from './order-checks.ts';
import type { RedisSampler } from './redis-sampler.ts';
import type { ServerCluster } from './server-cluster.ts';
import type { StoredConversation } from './server-record.ts';
import type { VisitorActor } from './visitor-actor.ts';

export interface RunFacts {
  outcome: { elapsedMs: number; killedAtMs: number | null };
  /** Which process was killed. */
  killed: number;
  visitors: VisitorActor[];
  advisors: AdvisorActor[];
  stored: StoredConversation[];
  ledger: Ledger;
  counters: LinkCounters;
  sampler: RedisSampler;
  order: OrderReport;
  cluster: ServerCluster;
  visitorGraceMs: number;
  heldWhenVisitorsDone: string[];
}

/**
 * System closes ("visitor left"), each with how long its visitor had been away when it came
 * (null: the visitor was connected) — anything under the grace period is a premature close.
 */
export function systemCloses(stored: StoredConversation[], visitors: VisitorActor[], graceMs: number) {
  const closes = stored
    .filter((c) => c.closedBy === 'system')
    .map((c) => {
      const at = c.closedAt ?? 0;
      const visitor = visitors.find((v) => v.conversationId === c.id);
      const outage = visitor?.link.outages.find((o) => o.from <= at && at <= o.to);
      return { conversationId: c.id, awayForMs: outage ? at - outage.from : null };
    });
  const early = closes.filter((c) => c.awayForMs === null || c.awayForMs < graceMs);
  return { total: closes.length, beforeGraceOver: early };
}

/** The figures of a run, printed so that every run shows what it did. */
export function summarize(facts: RunFacts) {
  const { stored, ledger, sampler, order } = facts;
  const closedBy = (who: string) => stored.filter((c) => c.closedBy === who).length;
  return {
    elapsedMs: facts.outcome.elapsedMs,
    killedAtMs: facts.outcome.killedAtMs,
    processes: facts.cluster.processes.length,
    killedProcess: facts.killed,
    slots: facts.advisors.reduce((n, a) => n + a.plan.capacity, 0),
    visitors: facts.visitors.length,
    advisors: facts.advisors.length,
    chats: stored.length,
    closedBy: { visitor: closedBy('visitor'), advisor: closedBy('advisor'), system: closedBy('system') },
    messagesStored: stored.reduce((n, c) => n + c.messages.length, 0),
    messagesAcked: ledger.acked.size,
    // Stored, but the ack never reached the sender: it lost the chat (taken back while it was away)
    // before its resend, and a resend from a former holder is refused rather than acked.
    storedNeverAcked: stored
      .flatMap((c) => c.messages)
      .filter((m) => !ledger.acked.has(m.clientMessageId))
      .map((m) => `${m.author} ${m.clientMessageId}`),
    assignments: new Set(ledger.assignments.map((a) => `${a.conversationId}/${a.assignedAt}`)).size,
    chatsRequeued: stored.filter((c) => c.priority > 0).length,
    ...facts.counters,
    ...ledger.counts,
    // When each lost chat:assigned was handed out, in ms from the kill.
    neverAnnouncedAssignedAt: ledger.neverAnnounced.map((n) => n.assignedAt - (ledger.killedAt ?? 0)),
    visitorIdleReloads: facts.visitors.reduce((n, v) => n + v.idleReloads, 0),
    systemCloses: systemCloses(stored, facts.visitors, facts.visitorGraceMs),
    redisSamples: sampler.samples,
    heldPeak: sampler.heldPeak,
    // Chats Redis still had with an advisor once every visitor was done (closes then in flight).
    heldWhenVisitorsDone: facts.heldWhenVisitorsDone,
    fullAdvisorsSampled: sampler.fullAdvisorsSeen,
    firstComeFirstServed: { ...order, violations: order.violations.length },
    serverErrorLines: facts.cluster.processes.map((p) => p.errors.length),
  };
}

/** Prints the figures, and what was left hanging when the run did not finish. */
export function printRun(facts: RunFacts): void {
  console.info('chaos run', summarize(facts));
  for (const v of facts.visitors.filter((v) => !v.done).slice(0, 10))
    console.info(`not finished: ${v.describe()}`);
  if (facts.visitors.some((v) => !v.done)) {
    for (const a of facts.advisors) console.info(a.describe());
  }
  for (const held of facts.sampler.lastHeldChats) {
    const id = held.split('@')[0];
    const record = facts.stored.find((c) => c.id === id);
    const visitor = facts.visitors.find((v) => v.conversationId === id);
    console.info(
      `still held at the end: ${held}; stored ${record?.status} by ${record?.closedBy} at ${record?.closedAt}; ${visitor?.describe()}`,
    );
  }
  for (const p of facts.cluster.processes) {
    for (const line of p.errors.slice(0, 5)) console.info(`server ${p.index}: ${line}`);
  }
}
