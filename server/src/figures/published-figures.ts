import { AUDIENCES, type Audience, type VisitorRole } from '@infocig/shared';
import type { Db } from '../store/index.ts';

/** How the institute splits people in its figures: workers, employers, intermediaries. */
export const USER_CATEGORIES = ['worker', 'employer', 'intermediary'] as const;
export type UserCategory = (typeof USER_CATEGORIES)[number];

export const CATEGORY_OF_ROLE: Record<VisitorRole, UserCategory> = {
  lavoratore: 'worker',
  titolare: 'employer',
  legale_rappresentante: 'employer',
  consulente: 'intermediary',
};

/** Every group a figure is given for: everyone, each audience, each user category. */
export const SEGMENTS = ['total', ...AUDIENCES, ...USER_CATEGORIES] as const;
export type Segment = (typeof SEGMENTS)[number];

const categoryOf = (column: string) =>
  `CASE ${column} ${Object.entries(CATEGORY_OF_ROLE)
    .map(([role, category]) => `WHEN '${role}' THEN '${category}'`)
    .join(' ')} END`;

/**
 * One pass gives every segment: the grouping sets add the audience and the category split to the
 * total. A row of an unknown role has no category; its segment is NULL and it counts in the total only.
 */
const SEGMENT = `CASE WHEN GROUPING(audience) = 0 THEN audience WHEN GROUPING(category) = 0 THEN category ELSE 'total' END`;
const groupedBy = (...keys: string[]) => {
  const extra = keys.map((k) => `, ${k}`).join('');
  return `GROUP BY GROUPING SETS ((${keys.join(', ')}), (audience${extra}), (category${extra}))`;
};
const INTERACTIONS = `(SELECT *, ${categoryOf('role')} AS category FROM interactions WHERE day BETWEEN $1::date AND $2::date) i`;
const ROME = `'Europe/Rome'`;

interface SummaryRow {
  segment: Segment | null;
  requests: number;
  people: number;
  self_service: number;
  follow_ups: number;
  settled: number;
  follow_up_cases: number;
  referred_office: number;
  wait_p50: number | null;
  wait_p90: number | null;
  first_response_p50: number | null;
  first_response_p90: number | null;
}
interface CountRow<K extends string | number> {
  segment: Segment | null;
  key: K;
  interactions: number;
}
interface FollowUpRow {
  segment: Segment | null;
  opened: number;
  answered: number;
}
interface RatingRow {
  segment: Segment | null;
  ratings: number;
  stars: number;
}

const round = (n: number | null) => (n === null ? null : Math.round(Number(n)));

function peakOf<T extends { interactions: number }>(rows: readonly T[]): T | null {
  return rows.reduce<T | null>((best, r) => (!best || r.interactions > best.interactions ? r : best), null);
}

async function readRows(db: Db, from: string, to: string) {
  const params = [from, to];
  return Promise.all([
    db.query<SummaryRow>(
      `SELECT ${SEGMENT} AS segment, count(*)::int AS requests, count(DISTINCT person_key)::int AS people,
              count(*) FILTER (WHERE outcome = 'self_service')::int AS self_service,
              count(*) FILTER (WHERE outcome = 'follow_up')::int AS follow_ups,
              count(*) FILTER (WHERE case_outcome = 'settled')::int AS settled,
              count(*) FILTER (WHERE case_outcome = 'follow_up')::int AS follow_up_cases,
              count(*) FILTER (WHERE case_outcome = 'referred_office')::int AS referred_office,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds) AS wait_p50,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_seconds) AS wait_p90,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds) AS first_response_p50,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_seconds) AS first_response_p90
       FROM ${INTERACTIONS} GROUP BY GROUPING SETS ((), (audience), (category))`,
      params,
    ),
    db.query<CountRow<string>>(
      `SELECT ${SEGMENT} AS segment, to_char(day, 'YYYY-MM-DD') AS key, count(*)::int AS interactions
       FROM ${INTERACTIONS} ${groupedBy('day')} ORDER BY key`,
      params,
    ),
    db.query<CountRow<number>>(
      `SELECT ${SEGMENT} AS segment, hour AS key, count(*)::int AS interactions
       FROM (SELECT *, extract(hour FROM started_at AT TIME ZONE ${ROME})::int AS hour FROM ${INTERACTIONS}) h
       ${groupedBy('hour')} ORDER BY key`,
      params,
    ),
    // From the daily counts, which outlive the cases (answered ones are purged after a while): by
    // the Italian day a case was opened, and the one it was answered, so a case opened before the
    // period and answered in it counts as answered only. A role outside the split ('other') counts
    // in the total and its audience only.
    db.query<FollowUpRow>(
      `SELECT ${SEGMENT} AS segment, coalesce(sum(opened), 0)::int AS opened,
              coalesce(sum(answered), 0)::int AS answered
       FROM (SELECT audience, nullif(category, 'other') AS category, opened, answered
             FROM follow_up_counts WHERE day BETWEEN $1::date AND $2::date) f
       GROUP BY GROUPING SETS ((), (audience), (category))`,
      params,
    ),
    // Ratings of closed chats, from their daily counts (the ratings themselves go with the
    // transcripts): by the Italian day the chat opened.
    db.query<RatingRow>(
      `SELECT ${SEGMENT} AS segment, coalesce(sum(ratings), 0)::int AS ratings,
              coalesce(sum(stars), 0)::int AS stars
       FROM (SELECT audience, nullif(category, 'other') AS category, ratings, stars
             FROM rating_counts WHERE day BETWEEN $1::date AND $2::date) r
       GROUP BY GROUPING SETS ((), (audience), (category))`,
      params,
    ),
  ]);
}

type Rows = Awaited<ReturnType<typeof readRows>>;

function segmentFigures([summaries, days, hours, followUps, ratings]: Rows, segment: Segment) {
  const s = summaries.find((r) => r.segment === segment);
  const perDay = days
    .filter((d) => d.segment === segment)
    .map(({ key, interactions }) => ({ day: key, interactions }));
  const perMonth: { month: string; interactions: number }[] = [];
  for (const { day, interactions } of perDay) {
    const month = day.slice(0, 7);
    const last = perMonth.at(-1);
    if (last?.month === month) last.interactions += interactions;
    else perMonth.push({ month, interactions });
  }
  const perHour = hours
    .filter((h) => h.segment === segment)
    .map(({ key, interactions }) => ({ hour: key, interactions }));
  const f = followUps.find((r) => r.segment === segment);
  const rated = ratings.find((r) => r.segment === segment);
  const ratingCount = rated?.ratings ?? 0;
  const requests = s?.requests ?? 0;
  return {
    requests,
    distinctPeople: s?.people ?? 0,
    perDay,
    perMonth,
    perHour,
    averagePerMonth: perMonth.length ? Math.round(requests / perMonth.length) : 0,
    peakDay: peakOf(perDay),
    peakMonth: peakOf(perMonth),
    peakHour: peakOf(perHour),
    settledOnlineShare: requests ? (requests - (s?.follow_ups ?? 0)) / requests : null,
    settledWithoutAdvisorShare: requests ? (s?.self_service ?? 0) / requests : null,
    waitSeconds: { p50: round(s?.wait_p50 ?? null), p90: round(s?.wait_p90 ?? null) },
    firstResponseSeconds: {
      p50: round(s?.first_response_p50 ?? null),
      p90: round(s?.first_response_p90 ?? null),
    },
    followUps: { opened: f?.opened ?? 0, answered: f?.answered ?? 0 },
    /** How the advisors who closed the period's chats said the cases ended. */
    caseOutcomes: {
      settled: s?.settled ?? 0,
      follow_up: s?.follow_up_cases ?? 0,
      referred_office: s?.referred_office ?? 0,
    },
    ratings: {
      count: ratingCount,
      averageStars: ratingCount ? Math.round(((rated?.stars ?? 0) / ratingCount) * 100) / 100 : null,
    },
  };
}

export type SegmentFigures = ReturnType<typeof segmentFigures>;

/**
 * The figures INPS publishes for Info CIG, for everyone, by audience and by user category: requests
 * by day and month, distinct people, the peak day, month and hour of the day (Italian time), the
 * share settled online, waiting and first-response times, follow-ups opened and answered, and the
 * ratings people gave their closed chats (how many, and the average stars, by the day the chat opened),
 * and the case outcomes the advisors chose when closing chats (settled, follow-up, referred to the office).
 * "Settled online" counts visits that did not end in a follow-up; "without an advisor" those settled
 * by the claim answers alone.
 */
export async function publishedFigures(db: Db, from: string, to: string) {
  const rows = await readRows(db, from, to);
  const of = <K extends Segment>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, segmentFigures(rows, k)])) as Record<K, SegmentFigures>;
  return {
    from,
    to,
    total: segmentFigures(rows, 'total'),
    byAudience: of(AUDIENCES),
    byCategory: of(USER_CATEGORIES),
  };
}

export type PublishedFigures = Awaited<ReturnType<typeof publishedFigures>>;

/** One segment's figures out of the whole set. */
export function segmentOf(figures: PublishedFigures, segment: Segment): SegmentFigures {
  if (segment === 'total') return figures.total;
  if ((AUDIENCES as readonly string[]).includes(segment)) return figures.byAudience[segment as Audience];
  return figures.byCategory[segment as UserCategory];
}
