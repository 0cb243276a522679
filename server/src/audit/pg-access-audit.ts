import type { Db } from '../store/index.ts';
import type { AccessAudit, AccessRecord } from './access-audit.ts';
import { type ChainedFields, chainHash } from './audit-chain.ts';

interface ChainRow extends ChainedFields {
  id: number;
  prev_hash: string;
  hash: string;
}

const FIELDS =
  'id, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome, prev_hash, hash';

/** Where the chain starts: after the last purged row, or from the empty hash. */
async function anchorHash(db: Db): Promise<string> {
  const [anchor] = await db.query<{ last_purged_hash: string }>(
    'SELECT last_purged_hash FROM access_audit_anchor WHERE id = 1',
  );
  return anchor?.last_purged_hash ?? '';
}

/** The access audit in PostgreSQL: appended one at a time, each row chained to the one before. */
export function createPgAccessAudit(db: Db) {
  async function record(entry: AccessRecord): Promise<void> {
    await db.transaction(async (tx) => {
      // One writer at a time across processes: the chain must be a single line.
      await tx.query('LOCK TABLE access_audit IN SHARE ROW EXCLUSIVE MODE');
      const [last] = await tx.query<{ hash: string }>(
        'SELECT hash FROM access_audit ORDER BY id DESC LIMIT 1',
      );
      const prevHash = last?.hash ?? (await anchorHash(tx));
      const fields: ChainedFields = {
        at: new Date().toISOString(),
        actor_cf: entry.actor,
        actor_name: entry.actorName ?? '',
        actor_role: entry.actorRole,
        subject_cf: entry.subject,
        what: entry.what,
        purpose: entry.purpose,
        conversation_id: entry.conversationId ?? null,
        outcome: entry.outcome ?? 'granted',
      };
      await tx.query(
        `INSERT INTO access_audit (at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          fields.at,
          fields.actor_cf,
          fields.actor_name,
          fields.actor_role,
          fields.subject_cf,
          fields.what,
          fields.purpose,
          fields.conversation_id,
          fields.outcome,
          prevHash,
          chainHash(prevHash, fields),
        ],
      );
    });
  }

  return {
    record,

    /** Walks the whole chain: the first row whose link or hash does not match, if any. */
    async verify(): Promise<{ ok: true; rows: number } | { ok: false; brokenAt: number; reason: string }> {
      let prev = await anchorHash(db);
      let rows = 0;
      for (let after = 0; ; ) {
        const page = await db.query<ChainRow>(
          `SELECT ${FIELDS} FROM access_audit WHERE id > $1 ORDER BY id LIMIT 1000`,
          [after],
        );
        if (page.length === 0) return { ok: true, rows };
        for (const row of page) {
          const at = new Date(row.at).toISOString();
          if (row.prev_hash !== prev)
            return { ok: false, brokenAt: row.id, reason: 'a row before it was removed or altered' };
          if (row.hash !== chainHash(prev, { ...row, at }))
            return { ok: false, brokenAt: row.id, reason: 'the row was altered' };
          prev = row.hash;
          rows++;
        }
        after = page[page.length - 1]!.id;
      }
    },

    /** Who read a person's data: the person's own view of the log, newest first. */
    async accessesTo(subject: string, limit = 200) {
      return db.query<{
        at: Date;
        actor_name: string;
        actor_role: string;
        what: string;
        purpose: string;
        outcome: string;
      }>(
        `SELECT at, actor_name, actor_role, what, purpose, outcome FROM access_audit
           WHERE subject_cf = $1 ORDER BY id DESC LIMIT $2`,
        [subject, limit],
      );
    },

    /** Removes rows older than the retention period, keeping the chain verifiable from the anchor. */
    async purgeOlderThan(cutoff: Date): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.query('LOCK TABLE access_audit IN SHARE ROW EXCLUSIVE MODE');
        const [last] = await tx.query<{ id: number; hash: string }>(
          'SELECT id, hash FROM access_audit WHERE at < $1 ORDER BY id DESC LIMIT 1',
          [cutoff],
        );
        if (!last) return 0;
        await tx.query("SELECT set_config('infocig.audit_purge', 'on', true)");
        const deleted = await tx.query<{ id: number }>(
          'DELETE FROM access_audit WHERE id <= $1 RETURNING id',
          [last.id],
        );
        await tx.query(
          `INSERT INTO access_audit_anchor (id, last_purged_id, last_purged_hash, purged_at) VALUES (1, $1, $2, now())
             ON CONFLICT (id) DO UPDATE SET last_purged_id = $1, last_purged_hash = $2, purged_at = now()`,
          [last.id, last.hash],
        );
        return deleted.length;
      });
    },
  } satisfies AccessAudit & Record<string, unknown>;
}

export type PgAccessAudit = ReturnType<typeof createPgAccessAudit>;
