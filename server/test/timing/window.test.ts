import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay, isWorkingDay, workingDayFrom } from '../../src/timing/calendar.ts';
import type { Course } from '../../src/timing/history.ts';
import type { PaceModel } from '../../src/timing/pace.ts';
import {
  CALENDAR,
  type Episode,
  episodesOf,
  PACED,
  replay,
  stretchKind,
  WindowCounts,
  WORKING,
} from '../../src/timing/window.ts';

const FIRST = dayFromIso('2025-01-01');
const LENGTH = 400;

/** A pace model with a constant pace per office (1 unless given). */
function constantPace(paces: Record<string, number> = {}): PaceModel {
  const workingDays = new Float64Array(LENGTH);
  for (let i = 1; i < LENGTH; i++) workingDays[i] = workingDays[i - 1]! + (isWorkingDay(FIRST + i) ? 1 : 0);
  const work = (code: string) => workingDays.map((w) => w * (paces[code] ?? 1));
  return {
    first: FIRST,
    workingDays,
    work,
    paceAt: (code) => paces[code] ?? 1,
    offices: Object.keys(paces),
  };
}

const episode = (stretches: [number, number][], officeCode = 'A'): Episode => ({
  officeCode,
  benefitType: 'CIGO',
  entered: FIRST,
  kinds: Uint8Array.from(stretches.map(([k]) => k)),
  amounts: Float64Array.from(stretches.map(([, a]) => a)),
});

const at = (iso: string) => dayFromIso(iso) - FIRST;
const paidOn = (replayed: number) => isoFromDay(FIRST + (replayed >= 0 ? replayed : -replayed - 1));

describe('the Italian working calendar', () => {
  it('knows weekends and national holidays, Easter Monday included', () => {
    expect(isWorkingDay(dayFromIso('2025-04-21'))).toBe(false); // Easter Monday 2025
    expect(isWorkingDay(dayFromIso('2025-08-15'))).toBe(false); // Ferragosto
    expect(isWorkingDay(dayFromIso('2025-12-26'))).toBe(false);
    expect(isWorkingDay(dayFromIso('2025-08-16'))).toBe(false); // a Saturday
    expect(isWorkingDay(dayFromIso('2025-08-18'))).toBe(true);
    expect(isoFromDay(workingDayFrom(dayFromIso('2025-08-14') + 1))).toBe('2025-08-18');
  });
});

describe('replaying a past case from another day', () => {
  it('counts the employer’s days on the calendar, the bank’s in working days, INPS’s work at the office’s pace', () => {
    const pace = constantPace({ A: 1, SLOW: 0.5 });
    const since = at('2025-08-13'); // a Wednesday; Friday 15 is Ferragosto
    const calendar = episode([[CALENDAR, 10]]);
    expect(paidOn(replay(calendar, since, since, pace.work('A'), pace.workingDays))).toBe('2025-08-23');
    const bank = episode([[WORKING, 3]]);
    expect(paidOn(replay(bank, since, since, pace.work('A'), pace.workingDays))).toBe('2025-08-19');
    const inps = episode([[PACED, 3]]);
    expect(paidOn(replay(inps, since, since, pace.work('A'), pace.workingDays))).toBe('2025-08-19');
    // At half the pace, three days of work take six working days.
    expect(paidOn(replay(inps, since, since, pace.work('SLOW'), pace.workingDays))).toBe('2025-08-22');
    // One stretch after another: data in 10 calendar days, ordered in 2 days of work, paid 1 working day later.
    const course = episode([
      [CALENDAR, 10],
      [PACED, 2],
      [WORKING, 1],
    ]);
    expect(paidOn(replay(course, since, since, pace.work('A'), pace.workingDays))).toBe('2025-08-27');
  });

  it('marks a past case that would have left the stage before today: unlike a claim still in it', () => {
    const pace = constantPace();
    const since = at('2025-03-03');
    const quick = episode([
      [CALENDAR, 5],
      [WORKING, 2],
    ]);
    expect(replay(quick, since, at('2025-03-08'), pace.work('A'), pace.workingDays)).toBeGreaterThanOrEqual(
      0,
    );
    const left = replay(quick, since, at('2025-03-09'), pace.work('A'), pace.workingDays);
    expect(left).toBeLessThan(0);
    expect(paidOn(left)).toBe('2025-03-11');
  });
});

describe('the window from replayed cases', () => {
  it('is the central 80% of those still in the stage, weighted, and the middle of all of them', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const counts = new WindowCounts(500);
    for (let round = 0; round < 100; round++) {
      counts.reset();
      const since = Math.floor(random() * 50);
      const cases = Array.from({ length: 1 + Math.floor(random() * 300) }, () => ({
        days: Math.floor(random() * 120),
        still: random() < 0.7,
        weight: random() < 0.5 ? 1 : 0.25,
      }));
      for (const c of cases) counts.add(c.still ? since + c.days : -(since + c.days) - 1, since, c.weight);
      const quantile = (list: typeof cases, share: number) => {
        const sorted = [...list].sort((a, b) => a.days - b.days);
        const total = sorted.reduce((s, c) => s + c.weight, 0);
        let sum = 0;
        for (const c of sorted) {
          sum += c.weight;
          if (sum >= share * total - 1e-9) return c.days;
        }
        return sorted[sorted.length - 1]!.days;
      };
      const still = cases.filter((c) => c.still);
      const window = counts.window();
      if (still.length === 0) {
        expect(window).toBeNull();
        continue;
      }
      const fromDays = quantile(still, 0.1);
      const toDays = quantile(still, 0.9);
      const weight = (list: typeof cases) => list.reduce((s, c) => s + c.weight, 0);
      const held = weight(still.filter((c) => c.days >= fromDays && c.days <= toDays)) / weight(still);
      expect(window).toEqual({
        fromDays,
        toDays,
        typicalDays: quantile(cases, 0.5),
        held: expect.closeTo(held, 9),
      });
      expect(window!.held).toBeGreaterThanOrEqual(0.8 - 1e-9);
    }
  });

  it('says how many it really holds when a few whole days carry most cases', () => {
    // A bank transfer: 1, 2 or 3 days, a third each, and one in twenty returned and late.
    const counts = new WindowCounts(100);
    for (let k = 0; k < 300; k++) counts.add(10 + 1 + (k % 3), 10, 1);
    for (let k = 0; k < 15; k++) counts.add(10 + 30, 10, 1);
    const window = counts.window()!;
    expect([window.fromDays, window.toDays]).toEqual([1, 3]);
    expect(window.held).toBeCloseTo(300 / 315, 9);
  });
});

describe('past cases as episodes', () => {
  it('starts one at each entry into a stage, a re-entry too, and an application’s only at its own statuses', () => {
    const course = (kind: Course['kind'], steps: [string, string][], paid: string): Course => ({
      kind,
      benefitType: 'CIGO',
      officeCode: 'A',
      steps: steps.map(([status, day]) => ({ status, day: dayFromIso(day) })),
      paid: dayFromIso(paid),
    });
    const pace = constantPace();
    const episodes = episodesOf(
      [
        course(
          'payment',
          [
            ['ATTESA_DATI', '2025-03-01'],
            ['DATI_RICEVUTI', '2025-03-10'],
            ['IN_PAGAMENTO', '2025-03-14'],
            ['RESTITUITA', '2025-03-18'],
            ['IN_PAGAMENTO', '2025-04-01'],
            ['PAGATA', '2025-04-03'],
          ],
          '2025-04-03',
        ),
        course(
          'application',
          [
            ['INVIATA', '2025-01-07'],
            ['PROTOCOLLATA', '2025-01-08'],
            ['IN_ISTRUTTORIA', '2025-01-10'],
            ['AUTORIZZATA', '2025-02-10'],
            ['ATTESA_DATI', '2025-03-01'],
            ['DATI_RICEVUTI', '2025-03-10'],
            ['IN_PAGAMENTO', '2025-03-14'],
            ['PAGATA', '2025-03-17'],
          ],
          '2025-03-17',
        ),
      ],
      pace,
    );
    expect(episodes.get('payment:IN_PAGAMENTO')).toHaveLength(2);
    expect(episodes.get('payment:ATTESA_DATI')).toHaveLength(1);
    expect(episodes.get('application:IN_ISTRUTTORIA')).toHaveLength(1);
    expect(episodes.has('application:ATTESA_DATI')).toBe(false);
    const [first] = episodes.get('payment:ATTESA_DATI')!;
    expect([...first!.kinds]).toEqual([CALENDAR, PACED, WORKING, PACED, WORKING]);
    expect(first!.amounts[0]).toBe(9);
    const review = episodes.get('application:IN_ISTRUTTORIA')![0]!;
    // Review (INPS), then waiting for the month to end and the employer's data, then ordering, the bank.
    expect([...review.kinds]).toEqual([PACED, CALENDAR, CALENDAR, PACED, WORKING]);
  });

  it('tells who sets the length of a stretch from the status and the next', () => {
    expect(stretchKind('DATI_RICEVUTI', 'IN_PAGAMENTO')).toBe(PACED);
    expect(stretchKind('DATI_ANOMALI', 'DATI_RICEVUTI')).toBe(CALENDAR);
    expect(stretchKind('DATI_ANOMALI', 'IN_PAGAMENTO')).toBe(PACED);
    expect(stretchKind('IN_PAGAMENTO', 'PAGATA')).toBe(WORKING);
    expect(stretchKind('SUPPLEMENTO_ISTRUTTORIO', 'IN_ISTRUTTORIA')).toBe(CALENDAR);
  });
});
