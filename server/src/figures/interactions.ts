import { type Audience, type CaseOutcome, italianDay } from '@infocig/shared';
import type { VisitorSnapshot } from '../people/visitor.ts';
import { gathered } from '../store/gathered.ts';
import type { Db } from '../store/index.ts';

/** What the figures need of a chat (a conversation record fits). */
interface ChatFacts {
  id: string;
  visitorKey: string;
  queue: Audience;
  visitor: VisitorSnapshot;
  openedAt: number;
}

/** Written at every visit and chat, with fixed SQL. */
const PREPARED = { prepare: true } as const;

/** A chat's row, as the first five parameters: its day, person, audience, role and conversation. */
const chatRow = (chat: ChatFacts) =>
  [italianDay(new Date(chat.openedAt)), chat.visitorKey, chat.queue, chat.visitor.role, chat.id] as const;

/**
 * Records how people used the service, for the figures the institute publishes: a visit per person
 * per day, whether it needed an advisor or a follow-up, and how long the wait and the first answer took.
 */
export function createInteractions(db: Db) {
  // Every admitted connect records a visit: those arriving together are written in one statement.
  const visits = gathered(async (rows: readonly (readonly [string, string, Audience, string])[]) => {
    await db.query(
      `INSERT INTO interactions (day, person_key, audience, role)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (person_key, day) DO NOTHING`,
      [0, 1, 2, 3].map((column) => rows.map((row) => row[column])),
      PREPARED,
    );
    return rows.map(() => undefined);
  });

  return {
    async visited(personKey: string, audience: Audience, role: string, at = new Date()): Promise<void> {
      await visits([italianDay(at), personKey, audience, role]);
    },

    /**
     * The visit led to a chat (it was not settled by the answers alone). Written as an upsert: the
     * request may be handled before the visit itself is recorded.
     */
    async chatOpened(chat: ChatFacts) {
      await db.query(
        `INSERT INTO interactions (day, person_key, audience, role, outcome, conversation_id) VALUES ($1, $2, $3, $4, 'chat', $5)
         ON CONFLICT (person_key, day) DO UPDATE SET outcome = 'chat', conversation_id = $5
         WHERE interactions.outcome <> 'follow_up'`,
        chatRow(chat),
        PREPARED,
      );
    },

    async followUpLeft(personKey: string, audience: Audience, role: string, at = new Date()): Promise<void> {
      await db.query(
        `INSERT INTO interactions (day, person_key, audience, role, outcome) VALUES ($1, $2, $3, $4, 'follow_up')
         ON CONFLICT (person_key, day) DO UPDATE SET outcome = 'follow_up'`,
        [italianDay(at), personKey, audience, role],
        PREPARED,
      );
    },

    /**
     * The first wait for an advisor of the person's day. An upsert too, so that it counts even when
     * the hand-out (possibly in another process) is quicker than the write of `chatOpened`.
     */
    async assigned(chat: ChatFacts, waitSeconds: number): Promise<void> {
      await db.query(
        `INSERT INTO interactions (day, person_key, audience, role, outcome, conversation_id, wait_seconds)
           VALUES ($1, $2, $3, $4, 'chat', $5, $6)
         ON CONFLICT (person_key, day) DO UPDATE SET
           wait_seconds = COALESCE(interactions.wait_seconds, EXCLUDED.wait_seconds),
           conversation_id = COALESCE(interactions.conversation_id, EXCLUDED.conversation_id),
           outcome = CASE WHEN interactions.outcome = 'follow_up' THEN 'follow_up' ELSE 'chat' END`,
        [...chatRow(chat), waitSeconds],
        PREPARED,
      );
    },

    /** How the advisor who closed the chat says the case ended (not the visit's `outcome`). */
    async caseOutcome(conversationId: string, outcome: CaseOutcome): Promise<void> {
      await db.query(
        'UPDATE interactions SET case_outcome = $2 WHERE conversation_id = $1',
        [conversationId, outcome],
        PREPARED,
      );
    },

    async firstResponse(conversationId: string, seconds: number): Promise<void> {
      await db.query(
        'UPDATE interactions SET first_response_seconds = $2 WHERE conversation_id = $1 AND first_response_seconds IS NULL',
        [conversationId, seconds],
        PREPARED,
      );
    },
  };
}

export type Interactions = ReturnType<typeof createInteractions>;
