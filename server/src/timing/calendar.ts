/**
 * Days as whole numbers (days since 1970-01-01, the calendar day in Italy of an event) and the
 * Italian working calendar: INPS offices and banks act on working days, not on Saturdays, Sundays
 * or national holidays, so a wait measured in working days travels across a weekend or Ferragosto
 * better than one measured in calendar days.
 */
import { isNationalHoliday } from '@infocig/shared';

export type Day = number;

export const DAY_MS = 86_400_000;

export const dayFromIso = (iso: string): Day =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const isoFromDay = (day: Day): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const ROME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Italy of an instant. */
export const italianDayOf = (at: Date | number): Day => dayFromIso(ROME.format(at));

const holidayYears = new Map<number, Set<Day>>();

/** A year's national holidays as Days, from the one list the guidance's deadlines use too. */
function holidays(year: number): Set<Day> {
  let days = holidayYears.get(year);
  if (!days) {
    days = new Set<Day>();
    const first = dayFromIso(`${year}-01-01`);
    for (let day = first; day < dayFromIso(`${year + 1}-01-01`); day++) {
      if (isNationalHoliday(isoFromDay(day))) days.add(day);
    }
    holidayYears.set(year, days);
  }
  return days;
}

export function isWorkingDay(day: Day): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday === 0 || weekday === 6) return false;
  return !holidays(new Date(day * DAY_MS).getUTCFullYear()).has(day);
}

/** The first working day on or after `day`. */
export function workingDayFrom(day: Day): Day {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}
