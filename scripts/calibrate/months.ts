import {
  DAY_MS,
  type Day,
  isoFromDay,
  isWorkingDay,
  workingDayFrom,
} from '../../server/src/timing/calendar.ts';

/** Calendar steps of the generated histories (days since the epoch, UTC). */
export const monthStart = (day: Day): Day => {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
};
export const addMonths = (day: Day, months: number): Day => {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
};
export const monthEnd = (day: Day): Day => addMonths(day, 1) - 1;
export const monthDay = (day: Day) => isoFromDay(day).slice(5);

export function addWorkingDays(day: Day, n: number): Day {
  let d = day;
  for (let i = 0; i < n; i++) d = workingDayFrom(d + 1);
  return d;
}

export function lastWorkingDayBy(day: Day): Day {
  let d = day;
  while (!isWorkingDay(d)) d--;
  return d;
}
