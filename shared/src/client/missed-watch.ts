import type { UiMessage } from './messages.ts';

/**
 * How long a push that shows something was missed may take to sort itself out (a message may
 * arrive just before the assignment that introduces its chat) before the session is set up again.
 */
export const MISSED_GRACE_MS = 3_000;

/**
 * Whether a message numbered `seq` leaves a hole below it in `list`: the highest stored seq under
 * it is not `seq - 1`. A list with nothing stored below it has no hole to judge (a fresh chat, or
 * history not loaded yet).
 */
export function hasGapBelow(list: readonly UiMessage[], seq: number): boolean {
  let highest = 0;
  for (const m of list) if (m.seq !== null && m.seq < seq && m.seq > highest) highest = m.seq;
  return highest > 0 && highest < seq - 1;
}

/**
 * Sets the session up again when the client sees it missed pushes (a message for a chat it was
 * never told about, a hole in a chat's messages) and the hole is still there after a grace period.
 * One check at a time: a burst of suspicious pushes asks for one resync.
 */
export class MissedWatch {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly resync: () => void,
    private readonly graceMs = MISSED_GRACE_MS,
  ) {}

  suspect(stillMissing: () => boolean): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (stillMissing()) this.resync();
    }, this.graceMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
