/** Whole days since 1970-01-01 (UTC): date arithmetic without time zones or `Date` objects. */
export type Day = number;

export const DAY_MS = 86_400_000;

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / DAY_MS);
}

export function dayFromIso(isoDate: string): Day {
  return dayOf(new Date(`${isoDate}T00:00:00Z`));
}

/** `YYYY-MM-DD` */
export function isoDate(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function monthStart(day: Day): Day {
  const date = new Date(day * DAY_MS);
  return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
}

/** The first day of the month `months` after the month of `day` (negative: before). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * DAY_MS);
  return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

export function monthEnd(day: Day): Day {
  return addMonths(day, 1) - 1;
}

/** First days of the months that overlap [from, to]. */
export function monthsBetween(from: Day, to: Day): Day[] {
  const months: Day[] = [];
  for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}
