import { OFFICES, type ScenarioSpec, type Slowdown } from './world.ts';

/** The chat answers on these days of 2025: before, during and after each slowdown, and in between. */
const AS_OF_2025 = [
  '2025-01-14',
  '2025-02-12',
  '2025-03-20',
  '2025-04-24',
  '2025-05-28',
  '2025-07-08',
  '2025-08-12',
  '2025-09-10',
  '2025-10-15',
  '2025-11-12',
  '2025-12-05',
  '2025-12-30',
];

const yearly = (
  kind: Slowdown['kind'],
  from: string,
  to: string,
  factors: Record<number, number>,
  shift: Record<number, [number, number]> = {},
): Slowdown[] =>
  Object.entries(factors).map(([year, factor]) => {
    const y = Number(year);
    const [a, b] = shift[y] ?? [0, 0];
    const move = (md: string, days: number, yr: number) => {
      const d = new Date(`${yr}-${md}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    // Christmas runs into the next year.
    return { kind, from: move(from, a, y), to: move(to, b, to < from ? y + 1 : y), factor };
  });

/**
 * Three histories: the same calendar every year (spring surge at half speed, August, Christmas);
 * one whose surge and slowdowns move and deepen from one year to the next; one with no slowdown at
 * all but the slow office and the weekly wobble. Each has the office at 0.4× all year.
 */
export const SCENARIOS: ScenarioSpec[] = [
  {
    name: 'seasons',
    seed: 1601,
    applicationsPerDay: 10,
    start: '2023-10-02',
    asOf: AS_OF_2025,
    slowdowns: [
      ...yearly('surge', '03-03', '05-16', { 2024: 0.5, 2025: 0.5, 2026: 0.5 }),
      ...yearly('august', '08-01', '08-31', { 2024: 0.5, 2025: 0.5, 2026: 0.5 }),
      ...yearly('christmas', '12-20', '01-07', { 2023: 0.4, 2024: 0.4, 2025: 0.4, 2026: 0.4 }),
    ],
    surgeDemand: 1.5,
    offices: OFFICES,
    wobble: 0.05,
  },
  {
    name: 'shifting',
    seed: 1602,
    applicationsPerDay: 10,
    start: '2023-10-02',
    asOf: AS_OF_2025,
    slowdowns: [
      ...yearly(
        'surge',
        '03-03',
        '05-16',
        { 2024: 0.6, 2025: 0.42, 2026: 0.5 },
        { 2024: [-14, -21], 2025: [10, 18] },
      ),
      ...yearly('august', '08-01', '08-31', { 2024: 0.6, 2025: 0.45, 2026: 0.5 }, { 2025: [-7, 0] }),
      ...yearly('christmas', '12-20', '01-07', { 2023: 0.5, 2024: 0.5, 2025: 0.35, 2026: 0.4 }),
    ],
    surgeDemand: 1.7,
    offices: OFFICES,
    wobble: 0.08,
  },
  {
    name: 'steady',
    seed: 1603,
    applicationsPerDay: 8,
    start: '2023-10-02',
    asOf: AS_OF_2025,
    slowdowns: [],
    surgeDemand: 1,
    offices: OFFICES,
    wobble: 0.05,
  },
];

/** A small history for the test suite: the seasons calendar, fewer applications, four answers. */
export const SMALL_SCENARIO: ScenarioSpec = {
  ...SCENARIOS[0]!,
  name: 'small',
  seed: 1604,
  applicationsPerDay: 5,
  asOf: ['2025-02-12', '2025-04-24', '2025-08-12', '2025-10-15'],
};
