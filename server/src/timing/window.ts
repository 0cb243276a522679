/** The share of similar cases the window should hold, split evenly on both sides. */
export const COVERAGE = 0.8;

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface DayWindow {
  /** Days after entering the stage. */
  fromDays: number;
  toDays: number;
  sampleSize: number;
}

/**
 * The central 80% of how long similar cases took from this stage, among those that took longer
 * than this one has already waited: what is left to wait, given what has been waited. Null when
 * fewer than `minSamples` cases are left to go on.
 */
export function conditionalWindow(
  durations: readonly number[],
  elapsedDays: number,
  minSamples: number,
): DayWindow | null {
  const longer = durations.filter((d) => d > elapsedDays).sort((a, b) => a - b);
  if (longer.length < minSamples) return null;
  const tail = (1 - COVERAGE) / 2;
  return {
    fromDays: Math.max(elapsedDays, quantile(longer, tail)),
    toDays: quantile(longer, 1 - tail),
    sampleSize: longer.length,
  };
}
