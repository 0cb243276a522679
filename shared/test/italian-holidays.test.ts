import { describe, expect, it } from 'vitest';
import { easterSunday, firstDayNotFestivo, isFestivo, isNationalHoliday } from '../src/index.ts';

describe('Italian national holidays, for moving legal deadlines', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('finds Easter Sunday %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    ['2026-01-01', true, 'Capodanno'],
    ['2026-01-06', true, 'Epifania'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2027-03-29', true, 'Easter Monday'],
    ['2026-04-05', false, 'Easter Sunday is a Sunday, not a listed holiday'],
    ['2026-04-25', true, 'Liberazione'],
    ['2026-05-01', true, 'Festa del Lavoro'],
    ['2026-06-02', true, 'Festa della Repubblica'],
    ['2026-08-15', true, 'Ferragosto'],
    ['2026-11-01', true, 'Ognissanti'],
    ['2026-12-08', true, 'Immacolata'],
    ['2026-12-25', true, 'Natale'],
    ['2026-12-26', true, 'Santo Stefano'],
    ['2025-10-04', false, 'San Francesco, not yet a holiday'],
    ['2027-10-04', true, 'San Francesco, a holiday from 2026'],
    ['2026-06-29', false, "Rome's patron saints: local only"],
    ['2026-12-07', false, "Milan's patron saint: local only"],
    ['2026-04-07', false, 'an ordinary Tuesday'],
  ])('%s is a national holiday: %s (%s)', (date, holiday) => {
    expect(isNationalHoliday(date)).toBe(holiday);
  });

  it('counts Sundays and holidays as festivi, Saturdays not', () => {
    expect(isFestivo('2026-03-22')).toBe(true); // Sunday
    expect(isFestivo('2026-03-21')).toBe(false); // Saturday
    expect(isFestivo('2026-04-06')).toBe(true); // Easter Monday
  });

  it.each([
    ['2026-03-23', '2026-03-23', 'a Monday stays'],
    ['2026-01-31', '2026-01-31', 'a Saturday stays'],
    ['2026-03-22', '2026-03-23', 'a Sunday moves to Monday'],
    ['2026-04-05', '2026-04-07', 'Easter Sunday moves past Easter Monday'],
    ['2027-12-25', '2027-12-27', 'Christmas on a Saturday moves past Santo Stefano (Sunday)'],
    ['2027-10-31', '2027-11-02', 'a Sunday before All Saints moves to the Tuesday'],
  ])('moves %s to %s: %s', (date, moved) => {
    expect(firstDayNotFestivo(date)).toBe(moved);
  });
});
