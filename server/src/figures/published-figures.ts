import { AUDIENCES, type Audience } from '@infocig/shared';
import type { Db } from '../store/index.ts';

interface MonthRow {
  audience: Audience;
  month: string;
  interactions: number;
}

interface SummaryRow {
  audience: Audience;
  requests: number;
  people: number;
  self_service: number;
  follow_ups: number;
  wait_p50: number | null;
  wait_p90: number | null;
  first_response_p50: number | null;
  first_response_p90: number | null;
}

const round = (n: number | null) => (n === null ? null : Math.round(Number(n)));

/**
 * The figures INPS published for Info CIG (requests handled, distinct people, interactions per month
 * and the peak, the share settled online), by audience, plus waiting and first-response times.
 * "Settled online" counts visits that did not end in a follow-up; "without an advisor" those settled
 * by the claim answers alone.
 */
export async function publishedFigures(db: Db, from: string, to: string) {
  const params = [from, to];
  const months = await db.query<MonthRow>(
    `SELECT audience, to_char(day, 'YYYY-MM') AS month, count(*)::int AS interactions
     FROM interactions WHERE day BETWEEN $1 AND $2 GROUP BY audience, month ORDER BY month`,
    params,
  );
  const summaries = await db.query<SummaryRow>(
    `SELECT audience, count(*)::int AS requests, count(DISTINCT person_key)::int AS people,
            count(*) FILTER (WHERE outcome = 'self_service')::int AS self_service,
            count(*) FILTER (WHERE outcome = 'follow_up')::int AS follow_ups,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds) AS wait_p50,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_seconds) AS wait_p90,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds) AS first_response_p50,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_seconds) AS first_response_p90
     FROM interactions WHERE day BETWEEN $1 AND $2 GROUP BY audience`,
    params,
  );
  const byAudience = Object.fromEntries(
    AUDIENCES.map((audience) => {
      const s = summaries.find((r) => r.audience === audience);
      const perMonth = months
        .filter((m) => m.audience === audience)
        .map(({ month, interactions }) => ({ month, interactions }));
      const peak = perMonth.reduce<(typeof perMonth)[number] | null>(
        (best, m) => (!best || m.interactions > best.interactions ? m : best),
        null,
      );
      const requests = s?.requests ?? 0;
      return [
        audience,
        {
          requests,
          distinctPeople: s?.people ?? 0,
          perMonth,
          averagePerMonth: perMonth.length ? Math.round(requests / perMonth.length) : 0,
          peakMonth: peak,
          settledOnlineShare: requests ? (requests - (s?.follow_ups ?? 0)) / requests : null,
          settledWithoutAdvisorShare: requests ? (s?.self_service ?? 0) / requests : null,
          waitSeconds: { p50: round(s?.wait_p50 ?? null), p90: round(s?.wait_p90 ?? null) },
          firstResponseSeconds: {
            p50: round(s?.first_response_p50 ?? null),
            p90: round(s?.first_response_p90 ?? null),
          },
        },
      ];
    }),
  );
  return { from, to, byAudience };
}
