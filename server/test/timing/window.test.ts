import { describe, expect, it } from 'vitest';
import { conditionalWindow } from '../../src/timing/window.ts';

/** The window from first principles: keep the longer cases, sort them, interpolate. */
function naiveWindow(durations: number[], elapsed: number, minSamples: number) {
  const longer = durations.filter((d) => d > elapsed).sort((a, b) => a - b);
  if (longer.length < minSamples) return null;
  const q = (p: number) => {
    const at = (longer.length - 1) * p;
    const lo = Math.floor(at);
    return longer[lo]! + (longer[Math.ceil(at)]! - longer[lo]!) * (at - lo);
  };
  return { fromDays: Math.max(elapsed, q(0.1)), toDays: q(0.9), sampleSize: longer.length };
}

describe('the conditional 80% window', () => {
  it('matches filtering and sorting the longer cases, for any time already waited', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 200; round++) {
      const durations = Array.from(
        { length: 1 + Math.floor(random() * 300) },
        () => Math.round(random() * 900) / 10,
      );
      const sorted = [...durations].sort((a, b) => a - b);
      const elapsed = Math.round(random() * 1000) / 10;
      const minSamples = 1 + Math.floor(random() * 20);
      const window = conditionalWindow(sorted, elapsed, minSamples);
      const expected = naiveWindow(durations, elapsed, minSamples);
      if (expected === null) expect(window).toBeNull();
      else {
        expect(window?.sampleSize).toBe(expected.sampleSize);
        expect(window?.fromDays).toBeCloseTo(expected.fromDays, 9);
        expect(window?.toDays).toBeCloseTo(expected.toDays, 9);
      }
    }
  });

  it('has no window when too few cases took longer than the wait so far', () => {
    expect(conditionalWindow([1, 2, 3, 10, 20], 5, 3)).toBeNull();
    const window = conditionalWindow([1, 2, 3, 10, 20, 30], 5, 3);
    expect(window?.sampleSize).toBe(3);
    expect(window?.fromDays).toBeCloseTo(12, 9);
    expect(window?.toDays).toBeCloseTo(28, 9);
  });
});
