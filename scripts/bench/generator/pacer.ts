import { now } from './clock.ts';

/** One side of an active conversation that can be asked to send its next message. */
export interface Sender {
  key: string;
  send(): void;
}

const TICK_MS = 2;

/**
 * Open-loop sending at a fixed rate: every tick sends the messages due by now, round-robin over the
 * active conversation sides, whether or not earlier ones were answered (so a slow server shows as
 * latency, not as a lower offered rate). A backlog of more than 50 ms of sends is dropped rather
 * than fired at once after a stall of the generator itself.
 */
export class Pacer {
  private senders: Sender[] = [];
  private positions = new Map<string, number>();
  private rate = 0;
  private startedAt = 0;
  private due = 0;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Sends the generator could not make in time (its own saturation), since the rate was set. */
  skipped = 0;

  add(sender: Sender): void {
    if (this.positions.has(sender.key)) return;
    this.positions.set(sender.key, this.senders.length);
    this.senders.push(sender);
  }

  remove(key: string): void {
    const at = this.positions.get(key);
    if (at === undefined) return;
    const last = this.senders.pop() as Sender;
    this.positions.delete(key);
    if (last.key !== key) {
      this.senders[at] = last;
      this.positions.set(last.key, at);
    }
  }

  get size(): number {
    return this.senders.length;
  }

  setRate(perSecond: number): void {
    this.rate = perSecond;
    this.startedAt = now();
    this.due = 0;
    this.skipped = 0;
    if (perSecond > 0 && !this.timer) this.timer = setInterval(() => this.tick(), TICK_MS);
    if (perSecond <= 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const expected = Math.floor((this.rate * (now() - this.startedAt)) / 1000);
    let count = expected - this.due;
    const cap = Math.max(1, Math.ceil(this.rate * 0.05));
    if (count > cap) {
      this.skipped += count - cap;
      count = cap;
    }
    this.due = expected;
    if (this.senders.length === 0) return;
    for (let i = 0; i < count; i++) {
      if (this.next >= this.senders.length) this.next = 0;
      (this.senders[this.next++] as Sender).send();
    }
  }
}
