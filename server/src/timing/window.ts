/** The share of similar cases the window should hold, split evenly on both sides. */
export const COVERAGE = 0.8;

/** Linear-interpolated quantile of the sorted values from index `start` on. */
function quantile(sorted: readonly number[], start: number, p: number): number {
  const at = start + (sorted.length - 1 - start) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Index of the first value above `limit` in ascending values (their length when none is). */
function firstAbove(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface DayWindow {
  /** Days after entering the stage. */
  fromDays: number;
  toDays: number;
  sampleSize: number;
}

/**
 * The central 80% of how long similar cases took from this stage (durations in ascending order), among those that took longer
 * than this one has already waited: what is left to wait, given what has been waited. Null when
 * fewer than `minSamples` cases are left to go on.
 */
export function conditionalWindow(
  sortedDurations: readonly number[],
  elapsedDays: number,
  minSamples: number,
): DayWindow | null {
  // Ascending durations: those longer than what was waited are a tail, found without copying.
  const start = firstAbove(sortedDurations, elapsedDays);
  const sampleSize = sortedDurations.length - start;
  if (sampleSize < minSamples) return null;
  const tail = (1 - COVERAGE) / 2;
  return {
    fromDays: Math.max(elapsedDays, quantile(sortedDurations, start, tail)),
    toDays: quantile(sortedDurations, start, 1 - tail),
    sampleSize,
  };
}
