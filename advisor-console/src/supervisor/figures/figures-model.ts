/**
 * The answer of GET /api/supervisor/figures (server: supervision-schemas.ts `FiguresSchema`) and
 * the pure logic the view needs: which group is shown, the plotted series, the period, the CSV path.
 */

export const AUDIENCE_CHOICES = ['all', 'workers', 'employers'] as const;
export const CATEGORY_CHOICES = ['all', 'worker', 'employer', 'intermediary'] as const;
export type AudienceChoice = (typeof AUDIENCE_CHOICES)[number];
export type CategoryChoice = (typeof CATEGORY_CHOICES)[number];
export type Segment = 'total' | Exclude<AudienceChoice, 'all'> | Exclude<CategoryChoice, 'all'>;

export interface Point {
  interactions: number;
}
export interface SegmentFigures {
  requests: number;
  distinctPeople: number;
  perDay: (Point & { day: string })[];
  perMonth: (Point & { month: string })[];
  perHour: (Point & { hour: number })[];
  averagePerMonth: number;
  peakDay: (Point & { day: string }) | null;
  peakMonth: (Point & { month: string }) | null;
  peakHour: (Point & { hour: number }) | null;
  settledOnlineShare: number | null;
  settledWithoutAdvisorShare: number | null;
  waitSeconds: { p50: number | null; p90: number | null };
  firstResponseSeconds: { p50: number | null; p90: number | null };
  followUps: { opened: number; answered: number };
  /** Chats by the case outcome their advisor chose at close. */
  caseOutcomes: { settled: number; follow_up: number; referred_office: number };
  /** Ratings of chats opened in the period: how many, and the average stars (null: none). */
  ratings: { count: number; averageStars: number | null };
}
export interface Figures {
  from: string;
  to: string;
  total: SegmentFigures;
  byAudience: Record<'workers' | 'employers', SegmentFigures>;
  byCategory: Record<'worker' | 'employer' | 'intermediary', SegmentFigures>;
}

export interface Period {
  from: string;
  to: string;
}

/** The figures the server's CSV download can hold (figures-csv.ts). */
export type CsvFigure = 'summary' | 'perDay' | 'perMonth' | 'perHour';

// Workers are only ever workers; employers' audience holds owners, legal representatives and intermediaries.
const CATEGORIES_OF: Record<AudienceChoice, readonly CategoryChoice[]> = {
  all: CATEGORY_CHOICES,
  workers: ['all', 'worker'],
  employers: ['all', 'employer', 'intermediary'],
};

/** The categories that can be chosen with an audience. */
export const categoriesFor = (audience: AudienceChoice) => CATEGORIES_OF[audience];

/** The group the two choices name: the narrower one wins. */
export function segmentFor(audience: AudienceChoice, category: CategoryChoice): Segment {
  if (category !== 'all') return category;
  return audience === 'all' ? 'total' : audience;
}

export function figuresOf(figures: Figures, segment: Segment): SegmentFigures {
  if (segment === 'total') return figures.total;
  if (segment === 'workers' || segment === 'employers') return figures.byAudience[segment];
  return figures.byCategory[segment];
}

/** A plotted series: one key (day, month or hour) and one value per point, gaps filled with 0. */
export interface Series {
  keys: string[];
  values: number[];
}

const DAY_MS = 86_400_000;
const utcDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every day of the period; the server lists only the days with requests. */
export function daySeries(period: Period, points: SegmentFigures['perDay']): Series {
  const counts = new Map(points.map((p) => [p.day, p.interactions]));
  const keys: string[] = [];
  for (let ms = utcDay(period.from); ms <= utcDay(period.to); ms += DAY_MS) keys.push(isoDay(ms));
  return { keys, values: keys.map((k) => counts.get(k) ?? 0) };
}

/** Every month the period touches. */
export function monthSeries(period: Period, points: SegmentFigures['perMonth']): Series {
  const counts = new Map(points.map((p) => [p.month, p.interactions]));
  const keys: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7); ) {
    keys.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return { keys, values: keys.map((k) => counts.get(k) ?? 0) };
}

/** The 24 hours of the day (Italian time). */
export function hourSeries(points: SegmentFigures['perHour']): Series {
  const counts = new Map(points.map((p) => [p.hour, p.interactions]));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return { keys: hours.map(String), values: hours.map((h) => counts.get(h) ?? 0) };
}

/** `day` moved by whole years or months, as the server does (29 February → 1 March). */
export function shiftDay(day: string, { years = 0, months = 0, days = 0 }) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoDay(Date.UTC(y + years, m - 1 + months, d + days));
}

export const PRESETS = ['last30Days', 'last12Months', 'thisYear', 'lastYear'] as const;
export type Preset = (typeof PRESETS)[number];

/** A preset period ending today (an Italian day, `YYYY-MM-DD`) or covering a calendar year. */
export function presetPeriod(preset: Preset, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last30Days':
      return { from: shiftDay(today, { days: -29 }), to: today };
    case 'last12Months':
      return { from: shiftDay(today, { years: -1 }), to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

export const figuresPath = (period: Period) =>
  `/api/supervisor/figures?${new URLSearchParams({ from: period.from, to: period.to })}`;

export const csvPath = (figure: CsvFigure, segment: Segment, period: Period) =>
  `/api/supervisor/figures.csv?${new URLSearchParams({ from: period.from, to: period.to, figure, segment })}`;

export const csvFileName = (figure: CsvFigure, segment: Segment, period: Period) =>
  `infocig-figures-${figure}-${segment}-${period.from}-${period.to}.csv`;
