import { describe, expect, it } from 'vitest';
import { type Day, dayFromIso, isWorkingDay } from '../../src/timing/calendar.ts';
import type { Stay } from '../../src/timing/history.ts';
import { buildPace } from '../../src/timing/pace.ts';

const TODAY = dayFromIso('2025-10-01');
const BACK = 640;

/**
 * Stays in DATI_RICEVUTI at two offices, each needing some work (mean 4.5 days at pace 1), done at
 * the office's pace on working days: A at 1, B at 0.5; both at 0.4 of that over a few weeks a year
 * ago and again in a recent slowdown.
 */
function stays(pace: (office: string, day: Day) => number): Stay[] {
  let seed = 11;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const out: Stay[] = [];
  for (const office of ['A', 'B']) {
    for (let entered = TODAY - 430; entered < TODAY; entered++) {
      if (!isWorkingDay(entered)) continue;
      for (let k = 0; k < 12; k++) {
        const work = -Math.log(random() * random() * random()) * 1.5;
        let done = 0;
        let day = entered;
        while (done < work && day < TODAY) {
          day++;
          if (isWorkingDay(day)) done += pace(office, day);
        }
        out.push({ officeCode: office, entered, left: done >= work ? day : null, count: 1 });
      }
    }
  }
  return out;
}

const slowdowns = [
  [TODAY - 364 + 20, TODAY - 364 + 50],
  [TODAY - 60, TODAY - 30],
] as const;
const truePace = (office: string, day: Day) =>
  (office === 'A' ? 1 : 0.5) * (slowdowns.some(([from, to]) => day >= from && day <= to) ? 0.4 : 1);

describe('the pace of each office', () => {
  const model = buildPace(stays(truePace), { asOf: TODAY, back: BACK, ahead: 200, fadeDays: 45 });
  const weekly = (office: string, day: Day) => {
    let sum = 0;
    for (let d = day; d < day + 7; d++) sum += model.paceAt(office, d);
    return sum / 7;
  };

  it('is measured from the stays there, finished or not: the slow office at half, the slowdown at 0.4', () => {
    const normal = TODAY - 120;
    expect(weekly('B', normal) / weekly('A', normal)).toBeGreaterThan(0.42);
    expect(weekly('B', normal) / weekly('A', normal)).toBeLessThan(0.58);
    const slow = TODAY - 45;
    expect(weekly('A', slow) / weekly('A', normal)).toBeGreaterThan(0.3);
    expect(weekly('A', slow) / weekly('A', normal)).toBeLessThan(0.55);
  });

  it('expects last year’s slowdown again at the same time of year, and the usual pace after it', () => {
    const ahead = weekly('A', TODAY + 30);
    const later = weekly('A', TODAY + 120);
    expect(ahead / later).toBeLessThan(0.65);
    expect(later / weekly('A', TODAY - 120)).toBeGreaterThan(0.8);
    expect(later / weekly('A', TODAY - 120)).toBeLessThan(1.25);
  });

  it('counts no work on days offices are closed', () => {
    const work = model.work('A');
    const sunday = dayFromIso('2025-09-28') - model.first;
    expect(work[sunday]).toBe(work[sunday - 1]);
    expect(work[sunday - 2]! - work[sunday - 3]!).toBeGreaterThan(0); // Friday
  });
});
