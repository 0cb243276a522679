import type { Db } from '../store/index.ts';
import type { AccessAudit, AccessRecord } from './access-audit.ts';
import {
  type AuditKey,
  anchorMac,
  type ChainedFields,
  checkpointMac,
  legacyCheckpointMac,
  rowMac,
} from './audit-chain.ts';
import { type VerifyResult, verifyChain } from './audit-verify.ts';

/** One writer (or purge) at a time across processes: the chain must be a single line. */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('infocig.audit:' || current_schema()))`;

/** The newest link: the last row, or the anchor a purge left when every row went. */
const HEAD = `SELECT seq, hash FROM (
    (SELECT seq, hash FROM access_audit ORDER BY seq DESC LIMIT 1)
    UNION ALL
    (SELECT last_purged_seq, last_purged_hash FROM access_audit_anchor WHERE id = 1)
  ) h ORDER BY seq DESC LIMIT 1`;

/** The batch's rows and, in the same statement, the signed checkpoint of the head they make. */
const INSERT_BATCH = `WITH inserted AS (
    INSERT INTO access_audit
      (seq, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome,
       prev_hash, hash)
    SELECT seq, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome,
           prev_hash, hash
    FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
      AS r(seq, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome,
           prev_hash, hash)
    ORDER BY seq
    RETURNING seq
  )
  INSERT INTO access_audit_checkpoint (seq, hash, mac) VALUES ($13, $14, $15)`;

/** The last row of the oldest run of rows that are all older than the cutoff. */
const PURGE_BOUNDARY = `SELECT seq, hash FROM access_audit
  WHERE at < $1
    AND seq < coalesce((SELECT seq FROM access_audit WHERE at >= $1 ORDER BY seq LIMIT 1), 9223372036854775807)
  ORDER BY seq DESC LIMIT 1`;

interface Pending {
  fields: ChainedFields;
  done: (error?: unknown) => void;
}

export interface PgAccessAuditOptions {
  /** The HMAC key (`AUDIT_HMAC_KEY`); the database never sees it. */
  key: AuditKey;
  /** The clock rows are stamped with. */
  now?: () => Date;
}

/**
 * The access audit in PostgreSQL, each row linked to the one before by an HMAC only this server
 * can compute. Reads that happen together are written together (group commit): one transaction
 * takes the chain's lock, links the waiting rows in order, and inserts them with a signed
 * checkpoint of the new head in one statement. Each caller still waits until its row is committed
 * before the data it records is shown.
 */
export function createPgAccessAudit(db: Db, options: PgAccessAuditOptions) {
  const { key } = options;
  const now = options.now ?? (() => new Date());
  let waiting: Pending[] = [];
  let draining = false;
  /** The newest seq this process wrote: verify fails if the chain ends before it. */
  let newestWritten = 0;

  function fieldsOf(entry: AccessRecord): ChainedFields {
    return {
      at: now().toISOString(),
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

  async function writeBatch(batch: Pending[]): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.query(CHAIN_LOCK, [], { prepare: true });
      const [head] = await tx.query<{ seq: number; hash: string }>(HEAD, [], { prepare: true });
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? '';
      const columns: (string | number | null)[][] = Array.from({ length: 12 }, () => []);
      for (const { fields } of batch) {
        seq += 1;
        const hash = rowMac(key, prevHash, seq, fields);
        const row = [
          seq,
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
      await tx.query(INSERT_BATCH, [...columns, seq, prevHash, checkpointMac(key, seq, prevHash)], {
        prepare: true,
      });
      return seq;
    });
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      const outcome = await writeBatch(batch).then(
        (seq) => {
          newestWritten = Math.max(newestWritten, seq);
          return undefined;
        },
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

    /** Checks the whole chain against its witnesses: the first place it does not match, if any. */
    verify(): Promise<VerifyResult> {
      return verifyChain(db, key, newestWritten);
    },

    /**
     * Vouches, once, for the rows linked before the audit was keyed (unkeyed SHA-256): signs their
     * head as the legacy checkpoint. Called by the process that applies the keying migration.
     */
    async signLegacyHead(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(CHAIN_LOCK);
        const [done] = await tx.query('SELECT 1 FROM access_audit_checkpoint WHERE legacy LIMIT 1');
        if (done) return;
        const [head] = await tx.query<{ seq: number; hash: string }>(HEAD);
        const seq = head?.seq ?? 0;
        const hash = head?.hash ?? '';
        await tx.query(
          'INSERT INTO access_audit_checkpoint (seq, hash, legacy, mac) VALUES ($1, $2, true, $3)',
          [seq, hash, legacyCheckpointMac(key, seq, hash)],
        );
      });
    },

    /** The newest link, for logs kept outside the database to witness. */
    async head(): Promise<{ seq: number; hash: string }> {
      const [head] = await db.query<{ seq: number; hash: string }>(HEAD);
      return head ?? { seq: 0, hash: '' };
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
           WHERE subject_cf = $1 ORDER BY seq DESC LIMIT $2`,
        [subject, limit],
      );
    },

    /**
     * Removes the oldest rows past the cutoff through the database's purge function, which checks
     * their age itself and moves the anchor; the anchor's MAC, signed here, is what lets verify
     * tell this purge from someone deleting the oldest rows and moving the anchor by hand.
     */
    async purgeOlderThan(cutoff: Date): Promise<number> {
      const [through] = await db.query<{ seq: number; hash: string }>(PURGE_BOUNDARY, [cutoff]);
      if (!through) {
        await db.query('SELECT access_audit_prune_checkpoints()');
        return 0;
      }
      const [result] = await db.query<{ deleted: number }>(
        'SELECT access_audit_purge($1, $2, $3, $4) AS deleted',
        [cutoff, through.seq, through.hash, anchorMac(key, through.seq, through.hash)],
      );
      return result?.deleted ?? 0;
    },
  } satisfies AccessAudit & Record<string, unknown>;
}

export type PgAccessAudit = ReturnType<typeof createPgAccessAudit>;
