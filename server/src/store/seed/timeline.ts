import { DAY_MS, type Day } from './calendar.ts';
import type { Random } from './random.ts';

/** A status reached on a day, before times are given. */
export interface PlannedStep<S> {
  status: S;
  day: Day;
  note?: string;
}

/** A status change as stored in a history table. */
export interface StatusEvent<S> {
  status: S;
  /** Epoch milliseconds. */
  at: number;
  note: string | null;
}

/** The steps that have happened by the end of `today`. */
export function upTo<T extends PlannedStep<unknown>>(steps: readonly T[], today: Day): T[] {
  return steps.filter((step) => step.day <= today);
}

/** Cuts a plan after the first step with `status`. */
export function stopAt<T extends PlannedStep<unknown>>(steps: readonly T[], status: T['status']): T[] {
  const index = steps.findIndex((step) => step.status === status);
  return index === -1 ? [...steps] : steps.slice(0, index + 1);
}

/**
 * Squeezes a plan proportionally so that it ends by `lastDay`, for scenarios that must have reached
 * a given status today whatever the random waits were.
 */
export function fitBy<T extends PlannedStep<unknown>>(steps: readonly T[], lastDay: Day): T[] {
  const first = steps[0]?.day;
  const last = steps[steps.length - 1]?.day;
  if (first === undefined || last === undefined || last <= lastDay || lastDay < first) return [...steps];
  const scale = (lastDay - first) / (last - first);
  return steps.map((step) => ({ ...step, day: first + Math.floor((step.day - first) * scale) }));
}

/**
 * Times within office hours (07:00–15:00 UTC, the same calendar day in Italy), strictly increasing
 * even when several steps fall on one day.
 */
export function stamp<S>(random: Random, steps: readonly PlannedStep<S>[]): StatusEvent<S>[] {
  let previous = Number.NEGATIVE_INFINITY;
  return steps.map((step) => {
    let at = officeHours(random, step.day);
    if (at <= previous) at = previous + random.int(1, 30) * 60_000;
    previous = at;
    return { status: step.status, at, note: step.note ?? null };
  });
}

/** An instant on `day` between 07:00 and 15:00 UTC, epoch milliseconds. */
export function officeHours(random: Random, day: Day): number {
  return day * DAY_MS + (7 * 60 + random.int(0, 480)) * 60_000;
}

export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
