import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseServiceHours } from '../../src/hours/service-hours.ts';

const original = parseServiceHours('mon-fri 15:00-18:00');

describe('service hours', () => {
  it('follows Italian local time across daylight saving', () => {
    expect(isOpen(original, new Date('2026-11-23T14:00:00Z'))).toBe(true); // Monday 15:00 CET
    expect(isOpen(original, new Date('2026-11-23T13:59:00Z'))).toBe(false);
    expect(isOpen(original, new Date('2026-11-23T17:00:00Z'))).toBe(false); // 18:00 CET: closed
    expect(isOpen(original, new Date('2026-07-06T13:30:00Z'))).toBe(true); // Monday 15:30 CEST
    expect(isOpen(original, new Date('2026-07-06T16:30:00Z'))).toBe(false); // 18:30 CEST
  });

  it('is closed at weekends', () => {
    expect(isOpen(original, new Date('2026-11-22T15:00:00Z'))).toBe(false); // Sunday
    expect(isOpen(original, new Date('2026-11-21T15:00:00Z'))).toBe(false); // Saturday
  });

  it('says when it opens next', () => {
    expect(nextOpening(original, new Date('2026-11-21T10:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T14:00:00.000Z',
    );
    expect(nextOpening(original, new Date('2026-11-23T17:30:00Z'))?.toISOString()).toBe(
      '2026-11-24T14:00:00.000Z',
    );
    expect(nextOpening(parseServiceHours('always'), new Date())).toBeNull();
  });

  it('reads lists and ranges of days, and refuses nonsense', () => {
    const hours = parseServiceHours('mon,wed,sat-sun 09:00-12:30');
    expect(hours.always ? [] : [...hours.days].sort()).toEqual([0, 1, 3, 6]);
    expect(() => parseServiceHours('weekdays 9-5')).toThrow(/expected/);
    expect(() => parseServiceHours('mon-fri 18:00-15:00')).toThrow(/precede/);
    expect(() => parseServiceHours('mon-xyz 09:00-10:00')).toThrow(/unknown day/);
  });
});
