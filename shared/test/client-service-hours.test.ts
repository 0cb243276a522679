import { describe, expect, it } from 'vitest';
import { describeServiceHours, formatOpening } from '../src/client/service-hours.ts';

describe('service hours in words', () => {
  it('reads day ranges, lists and single days, with the times', () => {
    expect(describeServiceHours('it', 'mon-fri 15:00-18:00')).toBe(
      'dal lunedì al venerdì, dalle 15:00 alle 18:00',
    );
    expect(describeServiceHours('en', 'mon-fri 15:00-18:00')).toBe('Monday to Friday, from 15:00 to 18:00');
    expect(describeServiceHours('it', 'mon,wed,fri 9:00-12:30')).toBe(
      'lunedì, mercoledì e venerdì, dalle 9:00 alle 12:30',
    );
    expect(describeServiceHours('it', 'sun 00:00-00:01')).toBe('domenica, dalle 00:00 alle 00:01');
  });

  it('says nothing for "always", and gives any other shape as it came', () => {
    expect(describeServiceHours('it', 'always')).toBeNull();
    expect(describeServiceHours('it', 'feriali 15-18')).toBe('feriali 15-18');
    expect(describeServiceHours('it', 'mon-xyz 15:00-18:00')).toBe('mon-xyz 15:00-18:00');
  });
});

describe('next opening', () => {
  it('is written in Italian time, whatever the clock of the reader', () => {
    // 14:00 UTC in November is 15:00 in Rome.
    expect(formatOpening('it', '2026-11-23T14:00:00.000Z')).toBe('lunedì 23 novembre alle ore 15:00');
    expect(formatOpening('en', '2026-11-23T14:00:00.000Z')).toBe('Monday 23 November at 15:00');
    // Summer time: 13:00 UTC is 15:00 in Rome.
    expect(formatOpening('it', '2026-06-01T13:00:00.000Z')).toBe('lunedì 1 giugno alle ore 15:00');
  });
});
