import { type Day, dayFromIso } from './calendar.ts';

const COVID_FROM = dayFromIso('2020-03-01');
const COVID_TO = dayFromIso('2021-12-31');

/** The pandemic months: many more claims, slower offices, the 40% advance on direct payments. */
export function isCovidEra(day: Day): boolean {
  return day >= COVID_FROM && day <= COVID_TO;
}
