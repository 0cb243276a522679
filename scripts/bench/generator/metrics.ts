import type { ChatMessage } from '@infocig/shared';
import { encodeHistograms, type HistogramName, type Histograms, newHistograms } from '../histogram.ts';
import { type Counters, emptyCounters, type LedgerRow, type Snapshot } from '../ipc.ts';
import { now, sentAtOf } from './clock.ts';

export type Role = 'visitor' | 'advisor';

interface LedgerEntry {
  visitorSent: number;
  advisorSent: number;
  advisorGot: number;
  visitorGot: number;
  duplicates: number;
}

/** Counters that describe the present (sockets open, sends awaiting acks), never reset. */
const GAUGES = ['visitorsConnected', 'advisorsConnected', 'inflight'] as const;

/**
 * What one generator saw: counters, latency histograms, and per conversation how many messages each
 * side sent (acked) and the other side received, so the parent can count lost and duplicated
 * messages across generators.
 */
export class Metrics {
  counters: Counters = emptyCounters();
  histograms: Histograms = newHistograms();
  private completions: number[] = [];
  private errors = new Map<string, number>();
  private ledger = new Map<string, LedgerEntry>();
  /** Seqs each receiving socket has seen, by `role:conversationId`. */
  private seen = new Map<string, Set<number>>();

  reset(): void {
    const gauges = Object.fromEntries(GAUGES.map((g) => [g, this.counters[g]]));
    this.counters = { ...emptyCounters(), ...gauges };
    this.histograms = newHistograms();
    this.completions = [];
    this.errors.clear();
    this.ledger.clear();
    this.seen.clear();
  }

  /** Records a latency given in milliseconds. */
  record(name: HistogramName, ms: number): void {
    this.histograms[name].recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  private entry(conversationId: string): LedgerEntry {
    let entry = this.ledger.get(conversationId);
    if (!entry) {
      entry = { visitorSent: 0, advisorSent: 0, advisorGot: 0, visitorGot: 0, duplicates: 0 };
      this.ledger.set(conversationId, entry);
    }
    return entry;
  }

  sent(role: Role, conversationId: string): void {
    this.counters.messagesSent++;
    const entry = this.entry(conversationId);
    if (role === 'visitor') entry.visitorSent++;
    else entry.advisorSent++;
  }

  /** A `chat:message` reached a socket of `role`: true when it came from the other side, first time. */
  received(role: Role, message: ChatMessage): boolean {
    this.counters.messagesReceived++;
    const key = `${role}:${message.conversationId}`;
    let seqs = this.seen.get(key);
    if (!seqs) {
      seqs = new Set();
      this.seen.set(key, seqs);
    }
    const entry = this.entry(message.conversationId);
    if (seqs.has(message.seq)) {
      entry.duplicates++;
      return false;
    }
    seqs.add(message.seq);
    const fromOther = message.author !== role && message.author !== 'system';
    if (!fromOther) return false;
    this.counters.lastDeliveryAt = Date.now();
    const sentAt = sentAtOf(message.text);
    if (role === 'advisor') {
      entry.advisorGot++;
      if (Number.isFinite(sentAt)) this.record('deliveryVA', now() - sentAt);
    } else {
      entry.visitorGot++;
      if (Number.isFinite(sentAt)) this.record('deliveryAV', now() - sentAt);
    }
    return true;
  }

  /** A command failed: counted, and remembered by what failed. */
  failed(error: unknown): void {
    this.counters.commandErrors++;
    const what = error instanceof Error ? error.message : String(error);
    this.errors.set(what, (this.errors.get(what) ?? 0) + 1);
  }

  completed(): void {
    this.counters.chatsCompleted++;
    this.completions.push(Date.now());
  }

  /** Forgets what a finished conversation's sockets have seen (turnover runs many). */
  forget(conversationId: string): void {
    this.seen.delete(`visitor:${conversationId}`);
    this.seen.delete(`advisor:${conversationId}`);
  }

  snapshot(withLedger: boolean): Snapshot {
    const ledger: LedgerRow[] = withLedger
      ? [...this.ledger].map(([id, e]) => [
          id,
          e.visitorSent,
          e.advisorSent,
          e.advisorGot,
          e.visitorGot,
          e.duplicates,
        ])
      : [];
    return {
      counters: { ...this.counters },
      histograms: encodeHistograms(this.histograms),
      ledger,
      completions: [...this.completions],
      errors: Object.fromEntries(this.errors),
    };
  }
}
