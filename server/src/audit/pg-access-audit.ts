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

const INSERT_BATCH = `INSERT INTO access_audit
    (at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome, prev_hash, hash)
  SELECT at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome, prev_hash, hash
  FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
              $8::text[], $9::text[], $10::text[], $11::text[])
    WITH ORDINALITY AS r(at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id,
                         outcome, prev_hash, hash, n)
  ORDER BY n`;

interface Pending {
  fields: ChainedFields;
  done: (error?: unknown) => void;
}

function fieldsOf(entry: AccessRecord): ChainedFields {
  return {
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
}

/**
 * The access audit in PostgreSQL, each row chained to the one before. Reads that happen together
 * are written together (group commit): one transaction takes the chain's lock, links the waiting
 * rows in order and inserts them in one statement. Each caller still waits until its row is
 * committed before the data it records is shown.
 */
export function createPgAccessAudit(db: Db) {
  let waiting: Pending[] = [];
  let draining = false;

  async function writeBatch(batch: Pending[]): Promise<void> {
    await db.transaction(async (tx) => {
      // One writer at a time across processes: the chain must be a single line.
      await tx.query('LOCK TABLE access_audit IN SHARE ROW EXCLUSIVE MODE');
      const [last] = await tx.query<{ hash: string }>(
        'SELECT hash FROM access_audit ORDER BY id DESC LIMIT 1',
        [],
        { prepare: true },
      );
      let prevHash = last?.hash ?? (await anchorHash(tx));
      const columns: (string | null)[][] = Array.from({ length: 11 }, () => []);
      for (const { fields } of batch) {
        const hash = chainHash(prevHash, fields);
        const row = [
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
          hash,
        ];
        for (const [i, value] of row.entries()) columns[i]?.push(value);
        prevHash = hash;
      }
      await tx.query(INSERT_BATCH, columns, { prepare: true });
    });
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      const outcome = await writeBatch(batch).then(
        () => undefined,
        (error: unknown) => error ?? new Error('audit write failed'),
      );
      for (const pending of batch) pending.done(outcome);
    }
    draining = false;
  }

  function record(entry: AccessRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      waiting.push({ fields: fieldsOf(entry), done: (error) => (error ? reject(error) : resolve()) });
      if (!draining) {
        draining = true;
        void drain();
      }
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
