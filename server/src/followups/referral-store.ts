import type { ApplicationStatus, Audience, BenefitType } from '@infocig/shared';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import type { VisitorSnapshot } from '../people/visitor.ts';
import type { Db } from '../store/index.ts';
import type { FollowUpRow } from './follow-up-store.ts';

export interface ReferralRow extends FollowUpRow {
  application_id: string;
  office_code: string;
  opened_by_name: string;
  taken_by_cf: string | null;
  taken_by_name: string | null;
  taken_at: Date | null;
  overdue_at: Date | null;
  benefit_type: BenefitType | null;
  application_status: ApplicationStatus | null;
  protocol_number: string | null;
  company_name: string | null;
}

export interface Staff {
  cf: string;
  name: string;
}

/** A referral with its office's name and the application's current state, from `source` as `f`. */
const referralView = (source: string) =>
  `SELECT f.id, f.kind, f.queue, f.visitor_cf, f.visitor_role, f.visitor_name, f.topic, f.body, f.created_at,
     f.status, f.answer, f.answered_by_name, f.answered_at, o.name AS office_name,
     f.application_id, f.office_code, f.opened_by_name, f.taken_by_cf, f.taken_by_name, f.taken_at, f.overdue_at,
     a.benefit_type, a.status AS application_status, a.protocol_number, c.name AS company_name
   FROM ${source} f
   JOIN inps_offices o ON o.code = f.office_code
   LEFT JOIN applications a ON a.id = f.application_id
   LEFT JOIN company_positions cp ON cp.matricola = a.matricola
   LEFT JOIN companies c ON c.cf = cp.company_cf`;

export interface OfficeReferralCounts {
  office_code: string;
  office_name: string;
  open: number;
  taken: number;
  overdue: number;
  oldest: Date;
}

/** Referrals to INPS offices, kept with the follow-ups: opened by advisors, taken and answered by office staff. */
export function createReferralStore(db: Db) {
  /** One change to a referral of `officeCode`, returned as a view; none changed is REFERRAL_NOT_FOUND. */
  async function change(sql: string, params: unknown[]): Promise<ReferralRow> {
    const [row] = await db.query<ReferralRow>(
      `WITH changed AS (${sql} RETURNING *) ${referralView('changed')}`,
      params,
    );
    if (!row) throw new AppError('REFERRAL_NOT_FOUND');
    return row;
  }

  return {
    async create(input: {
      visitor: VisitorSnapshot;
      queue: Audience;
      conversationId: string;
      topic: string;
      question: string;
      applicationId: string;
      officeCode: string;
      openedBy: Staff;
    }): Promise<ReferralRow> {
      const { visitor } = input;
      return change(
        `INSERT INTO follow_ups (id, kind, queue, visitor_cf, visitor_role, visitor_name, company_cf,
           conversation_id, topic, body, application_id, office_code, opened_by_cf, opened_by_name)
         VALUES ($1, 'referral', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          ulid(),
          input.queue,
          visitor.codiceFiscale,
          visitor.role,
          visitor.displayName,
          visitor.companyCf ?? null,
          input.conversationId,
          input.topic,
          input.question,
          input.applicationId,
          input.officeCode,
          input.openedBy.cf,
          input.openedBy.name,
        ],
      );
    },

    /** The office's referrals not yet answered, oldest first. */
    async ofOffice(officeCode: string, limit = 100): Promise<ReferralRow[]> {
      return db.query<ReferralRow>(
        `${referralView('follow_ups')}
         WHERE f.kind = 'referral' AND f.office_code = $1 AND f.status <> 'answered'
         ORDER BY f.created_at LIMIT $2`,
        [officeCode, limit],
      );
    },

    take(id: string, officeCode: string, staff: Staff): Promise<ReferralRow> {
      return change(
        `UPDATE follow_ups SET status = 'taken', taken_by_cf = $3, taken_by_name = $4, taken_at = now()
         WHERE id = $1 AND kind = 'referral' AND office_code = $2 AND status = 'open'`,
        [id, officeCode, staff.cf, staff.name],
      );
    },

    /** Answers a referral that is open, or taken by the same person; once. */
    answer(id: string, officeCode: string, staff: Staff, text: string): Promise<ReferralRow> {
      return change(
        `UPDATE follow_ups SET status = 'answered', answer = $5, answered_by_cf = $3, answered_by_name = $4,
           answered_at = now()
         WHERE id = $1 AND kind = 'referral' AND office_code = $2
           AND (status = 'open' OR (status = 'taken' AND taken_by_cf = $3))`,
        [id, officeCode, staff.cf, staff.name, text],
      );
    },

    /** Marks a referral still unanswered at its due time; false if it was answered (or is gone). */
    async markOverdue(id: string): Promise<boolean> {
      const rows = await db.query(
        `UPDATE follow_ups SET overdue_at = now()
         WHERE id = $1 AND kind = 'referral' AND status <> 'answered' AND overdue_at IS NULL RETURNING id`,
        [id],
      );
      return rows.length > 0;
    },

    /**
     * Unanswered referrals per office, with the oldest one's opening: nothing personal. Overdue:
     * marked by its timer, or opened before `dueBefore` (if the timer could not be scheduled).
     */
    async countsByOffice(dueBefore: Date): Promise<OfficeReferralCounts[]> {
      return db.query<OfficeReferralCounts>(
        `SELECT f.office_code, o.name AS office_name,
           count(*) FILTER (WHERE f.status = 'open')::int AS open,
           count(*) FILTER (WHERE f.status = 'taken')::int AS taken,
           count(*) FILTER (WHERE f.overdue_at IS NOT NULL OR f.created_at < $1)::int AS overdue,
           min(f.created_at) AS oldest
         FROM follow_ups f JOIN inps_offices o ON o.code = f.office_code
         WHERE f.kind = 'referral' AND f.status <> 'answered'
         GROUP BY f.office_code, o.name
         ORDER BY oldest`,
        [dueBefore],
      );
    },

    async officeName(code: string): Promise<string | null> {
      const [row] = await db.query<{ name: string }>('SELECT name FROM inps_offices WHERE code = $1', [code]);
      return row?.name ?? null;
    },
  };
}

export type ReferralStore = ReturnType<typeof createReferralStore>;
