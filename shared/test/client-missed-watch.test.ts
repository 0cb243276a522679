import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasGapBelow, MISSED_GRACE_MS, MissedWatch, type UiMessage } from '../src/client/index.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const stored = (...seqs: (number | null)[]): UiMessage[] =>
  seqs.map((seq, i) => ({
    conversationId: 'c',
    seq,
    clientMessageId: `m${i}`,
    author: 'visitor',
    authorName: 'A',
    text: 't',
    sentAt: '',
    delivery: seq === null ? 'pending' : 'sent',
  }));

describe('a hole in a chat’s messages', () => {
  it('is a stored seq under the new one that is not the one just before it', () => {
    expect(hasGapBelow(stored(1, 2, 3), 4)).toBe(false);
    expect(hasGapBelow(stored(1, 2), 4)).toBe(true);
    expect(hasGapBelow(stored(1, 2, 4), 5)).toBe(false);
    // A message arriving late, below ones already held, leaves no hole under it.
    expect(hasGapBelow(stored(1, 5), 2)).toBe(false);
  });

  it('cannot be judged with nothing stored below (a fresh list, or pending messages only)', () => {
    expect(hasGapBelow(stored(), 7)).toBe(false);
    expect(hasGapBelow(stored(null), 7)).toBe(false);
  });
});

describe('the watch for missed pushes', () => {
  it('resyncs once after the grace period when the hole is still there, for any number of suspicions', () => {
    let resyncs = 0;
    const watch = new MissedWatch(() => resyncs++);
    watch.suspect(() => true);
    watch.suspect(() => true);
    vi.advanceTimersByTime(MISSED_GRACE_MS - 1);
    expect(resyncs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(resyncs).toBe(1);
  });

  it('does nothing when what was missing turned up meanwhile, or once stopped', () => {
    let resyncs = 0;
    let missing = true;
    const watch = new MissedWatch(() => resyncs++);
    watch.suspect(() => missing);
    missing = false;
    vi.advanceTimersByTime(MISSED_GRACE_MS);
    watch.suspect(() => true);
    watch.stop();
    vi.advanceTimersByTime(MISSED_GRACE_MS);
    expect(resyncs).toBe(0);
  });
});
