import { describe, expect, it } from 'vitest';
import {
  admission,
  HISTORICAL_ROLLOUT,
  italianDay,
  type RolloutPhase,
  RolloutPlanSchema,
} from '../src/index.ts';

const at = (audience: 'workers' | 'employers', province: string, day: string) =>
  admission(HISTORICAL_ROLLOUT, audience, province, day);

describe('the historical rollout', () => {
  it('opened to Rome workers on 10 May 2021, not the day before', () => {
    expect(at('workers', 'RM', '2021-05-09')).toEqual({ admitted: false, availableFrom: '2021-05-10' });
    expect(at('workers', 'RM', '2021-05-10')).toEqual({ admitted: true, availableFrom: null });
  });

  it('reached workers everywhere on 31 January 2022', () => {
    expect(at('workers', 'CA', '2022-01-30')).toEqual({ admitted: false, availableFrom: '2022-01-31' });
    expect(at('workers', 'CA', '2022-01-31').admitted).toBe(true);
    expect(at('workers', 'NA', '2021-12-01').admitted).toBe(true);
  });

  it('admits employers by their own phases, not the workers', () => {
    expect(at('employers', 'RM', '2022-06-01')).toEqual({ admitted: false, availableFrom: '2023-02-13' });
    expect(at('employers', 'MI', '2022-12-15').admitted).toBe(true);
    expect(at('employers', 'BA', '2023-05-21')).toEqual({ admitted: false, availableFrom: '2023-05-22' });
    expect(at('employers', 'BA', '2023-05-22').admitted).toBe(true);
  });

  it('is a valid plan', () => {
    expect(RolloutPlanSchema.parse(HISTORICAL_ROLLOUT)).toEqual(HISTORICAL_ROLLOUT);
  });
});

describe('plans with regions', () => {
  const plan: RolloutPhase[] = [
    { audience: 'workers', place: { kind: 'region', code: '15' }, from: '2027-03-01' },
  ];

  it('cover every province of the region and none outside it', () => {
    for (const province of ['NA', 'SA', 'AV', 'BN', 'CE'])
      expect(admission(plan, 'workers', province, '2027-03-01').admitted).toBe(true);
    expect(admission(plan, 'workers', 'RM', '2027-03-01')).toEqual({ admitted: false, availableFrom: null });
  });

  it('refuse unknown places, and know nothing without a province', () => {
    expect(
      RolloutPlanSchema.safeParse([
        { audience: 'workers', place: { kind: 'province', code: 'ZZ' }, from: '2027-01-01' },
      ]).success,
    ).toBe(false);
    expect(
      RolloutPlanSchema.safeParse([
        { audience: 'workers', place: { kind: 'region', code: '99' }, from: '2027-01-01' },
      ]).success,
    ).toBe(false);
    expect(admission(plan, 'workers', undefined, '2027-03-01')).toEqual({
      admitted: false,
      availableFrom: null,
    });
  });
});

describe('the Italian calendar day', () => {
  it('turns at midnight in Rome, not UTC', () => {
    expect(italianDay(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(italianDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(italianDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('turns on the exact millisecond, asked again and again around midnight', () => {
    const midnight = Date.parse('2026-11-22T23:00:00Z');
    for (const offset of [-60_001, -1, 0, 1, 59_999, -1, 0, -60_000]) {
      const expected = offset < 0 ? '2026-11-22' : '2026-11-23';
      expect(italianDay(new Date(midnight + offset)), `${offset} ms`).toBe(expected);
    }
    expect(() => italianDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
