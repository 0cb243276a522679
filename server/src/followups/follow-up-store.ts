import type { Audience, FollowUpStatus } from '@infocig/shared';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import { countFollowUpsSql } from '../figures/follow-up-counts.ts';
import type { VisitorSnapshot } from '../people/visitor.ts';
import { distinct, gathered, rowsByKey } from '../store/gathered.ts';
import type { Db } from '../store/index.ts';

/** How many of their follow-ups a visitor is shown, newest first. */
const VISITOR_LIST_LENGTH = 20;

export interface FollowUpRow {
  id: string;
  kind: 'message' | 'referral';
  queue: Audience;
  visitor_cf: string;
  visitor_role: string;
  visitor_name: string;
  topic: string;
  body: string;
  created_at: Date;
  status: FollowUpStatus;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  /** A referral's office, by name; null for a message. */
  office_name: string | null;
}

/**
 * A follow-up's columns as both lists and changes return them, from `source` (the table, or the
 * rows a change returned) as `f`, with the name of a referral's office.
 */
export const followUpView = (source: string) =>
  `SELECT f.id, f.kind, f.queue, f.visitor_cf, f.visitor_role, f.visitor_name, f.topic, f.body, f.created_at,
     f.status, f.answer, f.answered_by_name, f.answered_at, o.name AS office_name
   FROM ${source} f LEFT JOIN inps_offices o ON o.code = f.office_code`;

/** Follow-up cases in PostgreSQL: left by visitors, answered by advisors. */
export function createFollowUpStore(db: Db) {
  return {
    async create(
      visitor: VisitorSnapshot,
      queue: Audience,
      topic: string,
      body: string,
      conversationId?: string,
    ) {
      // Counted for the published figures in the same statement: the count outlives the case.
      const [row] = await db.query<FollowUpRow>(
        `WITH created AS (
           INSERT INTO follow_ups (id, queue, visitor_cf, visitor_role, visitor_name, company_cf, conversation_id, topic, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *
         ), counted AS (${countFollowUpsSql('opened', 'created', 'created_at')})
         ${followUpView('created')}`,
        [
          ulid(),
          queue,
          visitor.codiceFiscale,
          visitor.role,
          visitor.displayName,
          visitor.companyCf ?? null,
          conversationId ?? null,
          topic,
          body,
        ],
      );
      return row!;
    },

    /** The visitor's newest follow-ups; read at every connect, so connects arriving together share one statement. */
    ofVisitor: gathered(async (visitors: readonly string[]) => {
      const rows = await db.query<FollowUpRow>(
        `SELECT v.* FROM unnest($1::text[]) AS asked(cf)
         CROSS JOIN LATERAL (
           ${followUpView('follow_ups')} WHERE f.visitor_cf = asked.cf ORDER BY f.created_at DESC LIMIT ${VISITOR_LIST_LENGTH}
         ) v`,
        [distinct(visitors)],
        { prepare: true },
      );
      return rowsByKey(visitors, rows, (row) => row.visitor_cf);
    }),

    async open(queues: readonly Audience[], limit = 100) {
      return db.query<FollowUpRow>(
        `${followUpView('follow_ups')}
         WHERE f.status = 'open' AND f.kind = 'message' AND f.queue = ANY($1) ORDER BY f.created_at LIMIT $2`,
        [queues, limit],
      );
    },

    /**
     * Answers an open case once; a second answer, or an answer to a case of another queue, is refused
     * (and counts nothing).
     */
    async answer(
      id: string,
      queues: readonly Audience[],
      advisor: { cf: string; name: string },
      answer: string,
    ) {
      const [row] = await db.query<FollowUpRow>(
        `WITH done AS (
           UPDATE follow_ups SET status = 'answered', answer = $2, answered_by_cf = $3, answered_by_name = $4, answered_at = now()
           WHERE id = $1 AND status = 'open' AND kind = 'message' AND queue = ANY($5) RETURNING *
         ), counted AS (${countFollowUpsSql('answered', 'done', 'answered_at')})
         ${followUpView('done')}`,
        [id, answer, advisor.cf, advisor.name, queues],
      );
      if (!row) throw new AppError('FOLLOWUP_NOT_FOUND');
      return row;
    },
  };
}

export type FollowUpStore = ReturnType<typeof createFollowUpStore>;
