import { addDays } from './dates.ts';

/**
 * Italy's national public holidays, `MM-DD`, as in force since 2001: legge 27 maggio 1949 n. 260,
 * art. 2, as amended by legge 5 marzo 1977 n. 54, DPR 28 dicembre 1985 n. 792 (6 January back) and
 * legge 20 novembre 2000 n. 336 (2 June back). Local patron saints' days are not national.
 */
const FIXED_HOLIDAYS: readonly string[] = [
  '01-01', // Capodanno
  '01-06', // Epifania
  '04-25', // Festa della Liberazione
  '05-01', // Festa del Lavoro
  '06-02', // Festa della Repubblica
  '08-15', // Assunzione (Ferragosto)
  '11-01', // Ognissanti
  '12-08', // Immacolata Concezione
  '12-25', // Natale
  '12-26', // Santo Stefano
];

/** San Francesco d'Assisi, 4 October: a national holiday again from 2026 (law passed October 2025). */
const SAN_FRANCESCO = '10-04';
const SAN_FRANCESCO_FROM_YEAR = 2026;

/** Easter Sunday of a Gregorian year, `YYYY-MM-DD` (the Meeus/Jones/Butcher computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a `YYYY-MM-DD` date is a national public holiday (Easter Monday included). */
export function isNationalHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5, 10);
  if (FIXED_HOLIDAYS.includes(monthDay)) return true;
  if (monthDay === SAN_FRANCESCO && year >= SAN_FRANCESCO_FROM_YEAR) return true;
  return date === addDays(easterSunday(year), 1);
}

export function isSunday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 0;
}

/**
 * A "giorno festivo" in the sense of the rules that move deadlines: a Sunday or a national holiday.
 * Saturday is not one.
 */
export function isFestivo(date: string): boolean {
  return isSunday(date) || isNationalHoliday(date);
}
