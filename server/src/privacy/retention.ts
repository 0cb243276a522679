import type { FastifyBaseLogger } from 'fastify';
import type { PgAccessAudit } from '../audit/pg-access-audit.ts';
import type { Db } from '../store/index.ts';

/** Where closed conversations are kept (chat's archive): deletes those closed before a time. */
export interface ConversationArchive {
  purgeClosedBefore(cutoff: Date): Promise<number>;
}

export interface RetentionPolicy {
  /** Access-audit rows are kept this long (Italian practice: 6 to 24 months). */
  auditMs: number;
  /** Transcripts and follow-up texts are kept this long after they are done. */
  transcriptMs: number;
}

/**
 * Deletes personal data past its retention period: archived conversations (closed chats leave
 * Redis for the archive), answered follow-ups, and old access-audit rows (through the database's
 * purge function, which refuses rows younger than its own minimum retention).
 */
export async function purgeExpired(
  db: Db,
  audit: PgAccessAudit,
  archive: ConversationArchive,
  policy: RetentionPolicy,
  log: FastifyBaseLogger,
  now = new Date(),
) {
  const auditRows = await audit.purgeOlderThan(new Date(now.getTime() - policy.auditMs));
  const transcriptCutoff = new Date(now.getTime() - policy.transcriptMs);
  const followUps = await db.query<{ id: string }>(
    `DELETE FROM follow_ups WHERE status = 'answered' AND answered_at < $1 RETURNING id`,
    [transcriptCutoff],
  );
  const conversations = await archive.purgeClosedBefore(transcriptCutoff);
  // The signed head in a log kept elsewhere: a witness the database's owner cannot roll back.
  const auditHead = await audit.head();
  log.info({ auditRows, followUps: followUps.length, conversations, auditHead }, 'retention purge done');
  return { auditRows, followUps: followUps.length, conversations };
}
