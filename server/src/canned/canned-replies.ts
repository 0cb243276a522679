import { type CannedReply, type CannedReplyDraft, LIMITS } from '@infocig/shared';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import type { Db } from '../store/index.ts';

interface CannedRow {
  id: string;
  owner_cf: string | null;
  lang: 'it' | 'en';
  title: string;
  body: string;
}

const toReply = (r: CannedRow): CannedReply => ({
  id: r.id,
  lang: r.lang,
  title: r.title,
  text: r.body,
  shared: r.owner_cf === null,
});

/** An advisor's own reply they may not change: not theirs, or not there. Said as bad input, not which. */
const notYours = () => new AppError('VALIDATION_FAILED', 'The canned reply is not one of yours.');

/**
 * Canned replies in PostgreSQL: the shared set that supervisors replace whole, and each advisor's
 * own. An advisor reads the shared set and their own only; owners are never part of what is read.
 */
export function createCannedReplies(db: Db) {
  return {
    /** The shared set, in the supervisors' order. */
    async shared(): Promise<CannedReply[]> {
      const rows = await db.query<CannedRow>(
        'SELECT id, owner_cf, lang, title, body FROM canned_replies WHERE owner_cf IS NULL ORDER BY position, id',
      );
      return rows.map(toReply);
    },

    /** Replaces the shared set with `drafts`, in that order. */
    async replaceShared(drafts: readonly CannedReplyDraft[], by: string): Promise<CannedReply[]> {
      return db.transaction(async (tx) => {
        await tx.query('DELETE FROM canned_replies WHERE owner_cf IS NULL');
        const out: CannedReply[] = [];
        for (const [i, d] of drafts.entries()) {
          const id = ulid();
          await tx.query(
            `INSERT INTO canned_replies (id, owner_cf, lang, title, body, position, updated_by)
             VALUES ($1, NULL, $2, $3, $4, $5, $6)`,
            [id, d.lang, d.title, d.text, i, by],
          );
          out.push({ id, ...d, shared: true });
        }
        return out;
      });
    },

    /** What an advisor may use: the shared set first, then their own, each by language and title. */
    async forAdvisor(advisorCf: string): Promise<CannedReply[]> {
      const rows = await db.query<CannedRow>(
        `SELECT id, owner_cf, lang, title, body FROM canned_replies
          WHERE owner_cf IS NULL OR owner_cf = $1
          ORDER BY owner_cf IS NOT NULL, position, lang, title, id`,
        [advisorCf],
      );
      return rows.map(toReply);
    },

    /** Creates (no `id`) or changes one of the advisor's own replies. */
    async saveOwn(advisorCf: string, draft: CannedReplyDraft & { id?: string | undefined }) {
      const { lang, title, text } = draft;
      if (draft.id) {
        const rows = await db.query<CannedRow>(
          `UPDATE canned_replies SET lang = $3, title = $4, body = $5, updated_at = now(), updated_by = $2
            WHERE id = $1 AND owner_cf = $2 RETURNING id, owner_cf, lang, title, body`,
          [draft.id, advisorCf, lang, title, text],
        );
        const [row] = rows;
        if (!row) throw notYours();
        return { reply: toReply(row) };
      }
      const [count] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM canned_replies WHERE owner_cf = $1',
        [advisorCf],
      );
      if ((count?.n ?? 0) >= LIMITS.cannedRepliesMax)
        throw new AppError('VALIDATION_FAILED', 'Too many canned replies.');
      const id = ulid();
      await db.query(
        `INSERT INTO canned_replies (id, owner_cf, lang, title, body, updated_by) VALUES ($1, $2, $3, $4, $5, $2)`,
        [id, advisorCf, lang, title, text],
      );
      return { reply: { id, lang, title, text, shared: false } };
    },

    /** Deletes one of the advisor's own replies; one that is gone (or not theirs) is left as it is. */
    async deleteOwn(advisorCf: string, id: string): Promise<Record<string, never>> {
      await db.query('DELETE FROM canned_replies WHERE id = $1 AND owner_cf = $2', [id, advisorCf]);
      return {};
    },
  };
}

export type CannedReplies = ReturnType<typeof createCannedReplies>;
