import type { Ledger } from './ledger.ts';
import type { StoredConversation } from './server-record.ts';

export interface OrderReport {
  /** Chats in the check: assigned once, never returned to the queue. */
  chats: number;
  /** Returned to the queue at some point: Redis keeps only their latest assignment time. */
  excludedRequeued: number;
  /** Never assigned (closed while waiting). */
  excludedUnassigned: number;
  /** Pairs where the older chat was certainly waiting when the newer one's assignment began. */
  contestedPairs: number;
  /** Contested pairs served newer-first by the server's timestamps, but too close to prove it. */
  unprovenOvertakes: number;
  /** Contested pairs where the clock proves the newer chat was assigned before the older one. */
  violations: string[];
}

/**
 * First come, first served within a priority, per queue. Every time here is read from the one
 * clock all processes on this machine share. For chats A (enqueued first) and B, the server broke
 * the order only if A was already known to be queued before B's assignment began and B's
 * assignment was seen done before A's began — which the atomic head-of-queue hand-out forbids.
 */
export function checkFirstComeFirstServed(conversations: StoredConversation[], ledger: Ledger): OrderReport {
  const report: OrderReport = {
    chats: 0,
    excludedRequeued: 0,
    excludedUnassigned: 0,
    contestedPairs: 0,
    unprovenOvertakes: 0,
    violations: [],
  };
  const eligible = conversations.filter((c) => {
    if (c.priority !== 0) report.excludedRequeued++;
    else if (c.assignedAt === null) report.excludedUnassigned++;
    else return true;
    return false;
  });
  report.chats = eligible.length;
  for (const a of eligible) {
    const aQueuedBy = ledger.requestKnownAt.get(a.id);
    if (aQueuedBy === undefined) continue;
    for (const b of eligible) {
      if (b.queue !== a.queue || !(a.enqueuedAt < b.enqueuedAt)) continue;
      const bAssignedAt = b.assignedAt as number;
      const aAssignedAt = a.assignedAt as number;
      if (!(aQueuedBy < bAssignedAt)) continue;
      report.contestedPairs++;
      if (aAssignedAt <= bAssignedAt) continue;
      const bSeenAssignedAt = ledger.assignedSeenAt.get(b.id) ?? Number.POSITIVE_INFINITY;
      if (bSeenAssignedAt < aAssignedAt) {
        report.violations.push(
          `${b.id} (enqueued ${b.enqueuedAt}) assigned at ${bAssignedAt} while ${a.id} (enqueued ${a.enqueuedAt}) ` +
            `waited until ${aAssignedAt}`,
        );
      } else report.unprovenOvertakes++;
    }
  }
  return report;
}
