import { type KeptConversation, LIMITS, type Rating } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';
import { followUpCategorySql } from '../figures/follow-up-counts.ts';
import { gathered, rowsByKey } from '../store/gathered.ts';
import type { Db } from '../store/index.ts';
import type { ClosedConversations } from './closed-conversation.ts';
import type { ConversationRecord, Participant } from './conversation-record.ts';
import { visitorView } from './visitor-views.ts';

const DAY_MS = 86_400_000;
const RATING_WINDOW_MS = LIMITS.ratingWindowDays * DAY_MS;
const CLOSERS = ['visitor', 'advisor', 'system'] as const;

interface RatingRow {
  stars: number;
  comment: string | null;
  rated_at: Date;
}

const ratingOf = (row: RatingRow): Rating => ({
  stars: Number(row.stars),
  ...(row.comment ? { comment: row.comment } : {}),
  ratedAt: row.rated_at.toISOString(),
});

/**
 * Ratings and dismissals of closed chats in PostgreSQL. A rating is written with its count for
 * the figures in one statement (the count by the Italian day the chat opened), so they cannot
 * differ; the rating itself is deleted with the transcript, the count stays.
 */
export function createKeepsStore(db: Db) {
  const latestKept = gathered(async (asked: readonly { visitorKey: string; since: Date }[]) => {
    const rows = await db.query<{ visitor_key: string; id: string }>(
      `SELECT DISTINCT ON (k.visitor_key) k.visitor_key, a.id
       FROM unnest($1::text[], $2::timestamptz[]) AS k(visitor_key, since)
       JOIN conversation_archive a ON a.visitor_key = k.visitor_key AND a.closed_at >= k.since
       WHERE NOT EXISTS (SELECT 1 FROM conversation_dismissals d WHERE d.conversation_id = a.id)
       ORDER BY k.visitor_key, a.closed_at DESC`,
      [asked.map((k) => k.visitorKey), asked.map((k) => k.since)],
      { prepare: true },
    );
    // A visitor asked twice in one batch (two tabs, a millisecond apart) gets one answer for both.
    const kept = rowsByKey(
      asked.map((k) => k.visitorKey),
      rows,
      (row) => row.visitor_key,
    );
    return kept.map((found) => found[0]?.id ?? null);
  });

  return {
    /** Stores the rating; null when the conversation already has one. */
    async rate(
      record: ConversationRecord,
      closedAt: number,
      stars: number,
      comment: string | undefined,
      at: Date,
    ): Promise<Rating | null> {
      const [row] = await db.query<RatingRow>(
        `WITH r AS (
           INSERT INTO conversation_ratings (conversation_id, visitor_key, stars, comment, rated_at, closed_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (conversation_id) DO NOTHING
           RETURNING stars, comment, rated_at
         ), counted AS (
           INSERT INTO rating_counts AS c (day, audience, category, ratings, stars)
           SELECT ($7::timestamptz AT TIME ZONE 'Europe/Rome')::date, $8, ${followUpCategorySql('$9::text')}, 1, r.stars
           FROM r
           ON CONFLICT (day, audience, category)
           DO UPDATE SET ratings = c.ratings + 1, stars = c.stars + EXCLUDED.stars
         )
         SELECT * FROM r`,
        [
          record.id,
          record.visitorKey,
          stars,
          comment || null,
          at,
          new Date(closedAt),
          new Date(record.openedAt),
          record.queue,
          record.visitor.role,
        ],
      );
      return row ? ratingOf(row) : null;
    },

    async ratingOf(conversationId: string): Promise<Rating | null> {
      const [row] = await db.query<RatingRow>(
        'SELECT stars, comment, rated_at FROM conversation_ratings WHERE conversation_id = $1',
        [conversationId],
      );
      return row ? ratingOf(row) : null;
    },

    async dismiss(record: ConversationRecord, closedAt: number, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO conversation_dismissals (conversation_id, visitor_key, dismissed_at, closed_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_id) DO NOTHING`,
        [record.id, record.visitorKey, at, new Date(closedAt)],
      );
    },

    /**
     * The id of the visitor's most recent archived chat closed since `since` and not dismissed. Read
     * at every connect, so connects arriving together share one statement.
     */
    latestKeptId: (visitorKey: string, since: Date): Promise<string | null> =>
      latestKept({ visitorKey, since }),
  };
}

export type KeepsStore = ReturnType<typeof createKeepsStore>;

export interface KeepsDeps {
  /** A closed conversation of `who`'s, with when it closed (the chat service's). */
  closedOf(
    conversationId: string,
    who: Participant,
  ): Promise<{ record: ConversationRecord; closedAt: number }>;
  archive: ClosedConversations;
  store: KeepsStore;
  nameOf(advisorId: string): Promise<string>;
  /** How long transcripts are kept after the close: a chat older than that is not handed over. */
  retentionMs: number;
}

/**
 * What a person keeps of a closed chat: a rating (once, within a week of the close), the chat on
 * screen after a reload until they dismiss it, and its transcript (the transcript route). Only the
 * chat's own visitor reaches any of it.
 */
export function createKeeps(deps: KeepsDeps) {
  const { store } = deps;

  const ratableUntil = (closedAt: number, rating: Rating | null, now: number) =>
    !rating && now < closedAt + RATING_WINDOW_MS ? new Date(closedAt + RATING_WINDOW_MS).toISOString() : null;

  return {
    async rate(who: Participant, conversationId: string, stars: number, comment?: string) {
      const { record, closedAt } = await deps.closedOf(conversationId, who);
      if (await store.ratingOf(conversationId)) throw new AppError('ALREADY_RATED');
      const now = new Date();
      if (now.getTime() > closedAt + RATING_WINDOW_MS) throw new AppError('RATING_EXPIRED');
      const rating = await store.rate(record, closedAt, stars, comment, now);
      if (!rating) throw new AppError('ALREADY_RATED');
      return { rating };
    },

    async dismiss(who: Participant, conversationId: string) {
      const { record, closedAt } = await deps.closedOf(conversationId, who);
      await store.dismiss(record, closedAt, new Date());
      return {};
    },

    /** The visitor's most recent closed chat still kept and not dismissed, for `session:ready`. */
    async keptOf(visitorKey: string, now = Date.now()): Promise<KeptConversation | null> {
      const id = await store.latestKeptId(visitorKey, new Date(now - deps.retentionMs));
      const kept = id ? await deps.archive.get(id) : null;
      if (!kept) return null;
      const { record, closedAt } = kept;
      const [rating, advisorName] = await Promise.all([
        store.ratingOf(record.id),
        record.advisorId ? deps.nameOf(record.advisorId) : null,
      ]);
      const closedBy = CLOSERS.find((c) => c === record.closedBy) ?? 'system';
      return {
        conversation: visitorView(record, null, advisorName || null),
        closedAt: new Date(closedAt).toISOString(),
        closedBy,
        rating,
        ratableUntil: ratableUntil(closedAt, rating, now),
      };
    },
  };
}

export type Keeps = ReturnType<typeof createKeeps>;
