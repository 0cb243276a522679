import { AUDIENCES, type Audience, admission, PROVINCES, type RolloutPhase } from '@infocig/shared';
import type { Db } from '../store/index.ts';

/** A far day: what a plan admits once every phase it schedules has begun. */
const EVENTUALLY = '9999-12-31';

export interface Reach {
  /** Admitted by the proposal and not by the plan in force. */
  admitted: number;
  /** Admitted by the plan in force and not by the proposal. */
  closed: number;
}

export interface ReachPreview {
  /** Workers by province of residence; companies (employers, intermediaries) by legal seat. */
  today: Record<Audience, Reach>;
  onceScheduledBegin: Record<Audience, Reach>;
}

/**
 * How many people (workers) and companies of the claims store a plan change lets in or shuts out,
 * today and once its scheduled phases have begun: the supervisor sees it before saving.
 */
export async function previewReach(
  db: Db,
  current: readonly RolloutPhase[],
  proposed: readonly RolloutPhase[],
  today: string,
): Promise<ReachPreview> {
  const [workers, companies] = await Promise.all([
    db.query<{ province: string; n: number }>(
      'SELECT residence_province AS province, count(*)::int AS n FROM workers GROUP BY 1',
    ),
    db.query<{ province: string; n: number }>(
      'SELECT legal_seat_province AS province, count(*)::int AS n FROM companies GROUP BY 1',
    ),
  ]);
  const population: Record<Audience, Map<string, number>> = {
    workers: new Map(workers.map((r) => [r.province, r.n])),
    employers: new Map(companies.map((r) => [r.province, r.n])),
  };
  const reach = (day: string) =>
    Object.fromEntries(
      AUDIENCES.map((audience) => {
        const result: Reach = { admitted: 0, closed: 0 };
        for (const { sigla } of PROVINCES) {
          const before = admission(current, audience, sigla, day).admitted;
          const after = admission(proposed, audience, sigla, day).admitted;
          const n = population[audience].get(sigla) ?? 0;
          if (after && !before) result.admitted += n;
          if (before && !after) result.closed += n;
        }
        return [audience, result];
      }),
    ) as Record<Audience, Reach>;
  return { today: reach(today), onceScheduledBegin: reach(EVENTUALLY) };
}
