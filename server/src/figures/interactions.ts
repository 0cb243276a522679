import { type Audience, italianDay } from '@infocig/shared';
import type { Db } from '../store/index.ts';

/**
 * Records how people used the service, for the figures the institute publishes: a visit per person
 * per day, whether it needed an advisor or a follow-up, and how long the wait and the first answer took.
 */
export function createInteractions(db: Db) {
  return {
    async visited(personKey: string, audience: Audience, role: string, at = new Date()): Promise<void> {
      await db.query(
        `INSERT INTO interactions (day, person_key, audience, role) VALUES ($1, $2, $3, $4) ON CONFLICT (person_key, day) DO NOTHING`,
        [italianDay(at), personKey, audience, role],
      );
    },

    /** The visit led to a chat: it was not settled by the answers alone. */
    async chatOpened(personKey: string, conversationId: string, at = new Date()): Promise<void> {
      await db.query(
        `UPDATE interactions SET outcome = 'chat', conversation_id = $3 WHERE person_key = $1 AND day = $2 AND outcome <> 'follow_up'`,
        [personKey, italianDay(at), conversationId],
      );
    },

    async followUpLeft(personKey: string, at = new Date()): Promise<void> {
      await db.query(`UPDATE interactions SET outcome = 'follow_up' WHERE person_key = $1 AND day = $2`, [
        personKey,
        italianDay(at),
      ]);
    },

    async assigned(conversationId: string, waitSeconds: number): Promise<void> {
      await db.query(
        'UPDATE interactions SET wait_seconds = $2 WHERE conversation_id = $1 AND wait_seconds IS NULL',
        [conversationId, waitSeconds],
      );
    },

    async firstResponse(conversationId: string, seconds: number): Promise<void> {
      await db.query(
        'UPDATE interactions SET first_response_seconds = $2 WHERE conversation_id = $1 AND first_response_seconds IS NULL',
        [conversationId, seconds],
      );
    },
  };
}

export type Interactions = ReturnType<typeof createInteractions>;
