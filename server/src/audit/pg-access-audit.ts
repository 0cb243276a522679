import type { Db } from '../store/index.ts';
import type { AccessAudit } from './access-audit.ts';

/** Appends staff reads of personal data to the access_audit table. */
export function createPgAccessAudit(db: Db): AccessAudit {
  return {
    async record(entry) {
      await db.query(
        `INSERT INTO access_audit (actor_cf, actor_role, subject_cf, what, purpose, conversation_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          entry.actor,
          entry.actorRole,
          entry.subject,
          entry.what,
          entry.purpose,
          entry.conversationId ?? null,
        ],
      );
    },
  };
}
