import {
  type PublishedFigures,
  SEGMENTS,
  type Segment,
  type SegmentFigures,
  segmentOf,
} from './published-figures.ts';

/** The figures a CSV download can hold: the summary, or one of the series. */
export const CSV_FIGURES = ['summary', 'perDay', 'perMonth', 'perHour'] as const;
export type CsvFigure = (typeof CSV_FIGURES)[number];

type Cell = string | number | null;

const SUMMARY_COLUMNS: readonly [string, (f: SegmentFigures) => Cell][] = [
  ['requests', (f) => f.requests],
  ['distinct_people', (f) => f.distinctPeople],
  ['average_per_month', (f) => f.averagePerMonth],
  ['peak_day', (f) => f.peakDay?.day ?? null],
  ['peak_day_requests', (f) => f.peakDay?.interactions ?? null],
  ['peak_month', (f) => f.peakMonth?.month ?? null],
  ['peak_month_requests', (f) => f.peakMonth?.interactions ?? null],
  ['peak_hour', (f) => f.peakHour?.hour ?? null],
  ['peak_hour_requests', (f) => f.peakHour?.interactions ?? null],
  ['settled_online_share', (f) => f.settledOnlineShare],
  ['settled_without_advisor_share', (f) => f.settledWithoutAdvisorShare],
  ['wait_p50_seconds', (f) => f.waitSeconds.p50],
  ['wait_p90_seconds', (f) => f.waitSeconds.p90],
  ['first_response_p50_seconds', (f) => f.firstResponseSeconds.p50],
  ['first_response_p90_seconds', (f) => f.firstResponseSeconds.p90],
  ['follow_ups_opened', (f) => f.followUps.opened],
  ['follow_ups_answered', (f) => f.followUps.answered],
  ['ratings', (f) => f.ratings.count],
  ['rating_average_stars', (f) => f.ratings.averageStars],
];

/** Each series' points as (key column, requests). */
const SERIES = {
  perDay: ['day', (f: SegmentFigures) => f.perDay.map((p) => [p.day, p.interactions] as const)],
  perMonth: ['month', (f: SegmentFigures) => f.perMonth.map((p) => [p.month, p.interactions] as const)],
  perHour: ['hour', (f: SegmentFigures) => f.perHour.map((p) => [p.hour, p.interactions] as const)],
} as const;

// Quoted only when needed; our cells are dates, numbers and segment names, but stay safe anyway.
const cell = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * One figure as CSV (RFC 4180: comma, CRLF, a header row), one row per segment and point, made from
 * the same result the JSON answer is, so the two cannot differ. Empty cells stand for "no data".
 */
export function figuresCsv(
  figures: PublishedFigures,
  figure: CsvFigure,
  segments: readonly Segment[] = SEGMENTS,
) {
  const rows: Cell[][] = [];
  if (figure === 'summary') {
    rows.push(['segment', 'from', 'to', ...SUMMARY_COLUMNS.map(([name]) => name)]);
    for (const segment of segments) {
      const f = segmentOf(figures, segment);
      rows.push([segment, figures.from, figures.to, ...SUMMARY_COLUMNS.map(([, value]) => value(f))]);
    }
  } else {
    const [key, points] = SERIES[figure];
    rows.push(['segment', key, 'requests']);
    for (const segment of segments) {
      for (const [at, requests] of points(segmentOf(figures, segment))) rows.push([segment, at, requests]);
    }
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
