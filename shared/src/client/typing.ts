/** While typing, `chat:typing` true goes out at most this often (the protocol asks for "every few seconds"). */
export const TYPING_SEND_INTERVAL_MS = 3_000;

/** The other side's "is typing" shows this long after their last signal, unless they say they stopped. */
export const TYPING_SHOWN_MS = 6_000;

/**
 * Turns every change of a draft into `chat:typing` signals: `true` when typing starts and again
 * at most every `intervalMs` while it goes on, `false` once when the draft is sent or emptied.
 * Usage: `const signal = new TypingSignal((typing) => emit(typing)); signal.changed(text)`.
 */
export class TypingSignal {
  private active = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = TYPING_SEND_INTERVAL_MS,
  ) {}

  /** The draft is now `text`. */
  changed(text: string): void {
    if (text.trim() === '') {
      this.stopped();
      return;
    }
    const at = this.now();
    if (this.active && at - this.lastSentAt < this.intervalMs) return;
    this.active = true;
    this.lastSentAt = at;
    this.send(true);
  }

  /** The draft was sent or dropped. */
  stopped(): void {
    if (!this.active) return;
    this.active = false;
    this.lastSentAt = Number.NEGATIVE_INFINITY;
    this.send(false);
  }
}

/**
 * Until when the other side shows as typing, after a `chat:typing` push at `now`:
 * `null` when they stopped.
 */
export function typingUntil(typing: boolean, now: number): number | null {
  return typing ? now + TYPING_SHOWN_MS : null;
}
