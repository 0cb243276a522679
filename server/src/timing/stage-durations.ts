import type { ApplicationStatus, BenefitType, PaymentStatus } from '@infocig/shared';
import type { Db } from '../store/index.ts';

export type Stage =
  | { kind: 'payment'; status: PaymentStatus }
  | { kind: 'application'; status: ApplicationStatus };

export interface DurationQuery {
  stage: Stage;
  benefitType: BenefitType;
  /** One INPS office, or every office when null. */
  officeCode: string | null;
  /** Only payments made in [asOf - lookbackDays, asOf) count: recent, and known at `asOf`. */
  asOf: Date;
  lookbackDays: number;
}

/**
 * Days from entering a stage to the payment, for recent similar cases: for a payment stage, each
 * paid payment's time from its first entry into that stage; for an application stage, each
 * application's time from that stage to its first paid payment.
 */
export async function stageDurations(db: Db, q: DurationQuery): Promise<number[]> {
  const since = new Date(q.asOf.getTime() - q.lookbackDays * 86_400_000);
  const params = [q.stage.status, q.benefitType, since, q.asOf, q.officeCode];
  const office = 'AND ($5::text IS NULL OR a.inps_office_code = $5)';
  const sql =
    q.stage.kind === 'payment'
      ? `SELECT EXTRACT(EPOCH FROM (pr.paid_at - min(h.at))) / 86400 AS days
         FROM payment_requests pr
         JOIN applications a ON a.id = pr.application_id
         JOIN payment_status_history h ON h.payment_request_id = pr.id AND h.status = $1
         WHERE pr.paid_at >= $3 AND pr.paid_at < $4 AND a.benefit_type = $2 ${office}
         GROUP BY pr.id, pr.paid_at`
      : `SELECT EXTRACT(EPOCH FROM (min(pr.paid_at) - min(h.at))) / 86400 AS days
         FROM applications a
         JOIN application_status_history h ON h.application_id = a.id AND h.status = $1
         JOIN payment_requests pr ON pr.application_id = a.id AND pr.paid_at IS NOT NULL
         WHERE a.benefit_type = $2 ${office}
         GROUP BY a.id
         HAVING min(pr.paid_at) >= $3 AND min(pr.paid_at) < $4`;
  const rows = await db.query<{ days: number | string }>(sql, params);
  return rows.map((r) => Number(r.days)).filter((d) => d >= 0);
}
