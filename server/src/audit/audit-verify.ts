import type { Db } from '../store/index.ts';
import {
  type AuditKey,
  anchorMac,
  type ChainedFields,
  checkpointMac,
  legacyChainHash,
  legacyCheckpointMac,
  rowMac,
  sameMac,
} from './audit-chain.ts';

/** `brokenAt` is the place in the chain (seq) where it first stops matching its witnesses. */
export type VerifyResult = { ok: true; rows: number } | { ok: false; brokenAt: number; reason: string };

interface ChainRow extends ChainedFields {
  seq: number;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  seq: number;
  hash: string;
  legacy: boolean;
  mac: string;
}

interface AnchorRow {
  seq: number;
  hash: string;
  mac: string | null;
}

const ROWS = `SELECT seq, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id,
    outcome, prev_hash, hash
  FROM access_audit WHERE seq > $1 ORDER BY seq LIMIT 1000`;
const CHECKPOINT = 'SELECT seq, hash, legacy, mac FROM access_audit_checkpoint';

const broken = (brokenAt: number, reason: string): VerifyResult => ({ ok: false, brokenAt, reason });

function signed(key: AuditKey, c: CheckpointRow): boolean {
  return sameMac(c.mac, (c.legacy ? legacyCheckpointMac : checkpointMac)(key, c.seq, c.hash));
}

/**
 * Walks the chain in one snapshot and checks it against what only the key holder could have
 * written: each row's HMAC link, the anchor a purge left (signed), the newest checkpoint (signed:
 * the chain must reach it), and the legacy checkpoint that vouches for rows linked before the key.
 * `newestWritten` is this process's own memory of the head, a witness outside the database.
 */
export function verifyChain(db: Db, key: AuditKey, newestWritten = 0): Promise<VerifyResult> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const [anchor] = await tx.query<AnchorRow>(
      'SELECT last_purged_seq AS seq, last_purged_hash AS hash, mac FROM access_audit_anchor WHERE id = 1',
    );
    const [head] = await tx.query<CheckpointRow>(`${CHECKPOINT} ORDER BY seq DESC, id DESC LIMIT 1`);
    const [legacy] = await tx.query<CheckpointRow>(`${CHECKPOINT} WHERE legacy ORDER BY seq DESC LIMIT 1`);
    if (head && !signed(key, head)) return broken(head.seq, 'a checkpoint was forged');
    if (legacy && !signed(key, legacy)) return broken(legacy.seq, 'a checkpoint was forged');

    let base = { seq: 0, hash: '' };
    if (anchor) {
      const vouched =
        anchor.mac === null
          ? anchor.seq === 0 && legacy !== undefined // an anchor from before the key
          : sameMac(anchor.mac, anchorMac(key, anchor.seq, anchor.hash));
      if (!vouched) return broken(anchor.seq + 1, 'the anchor was moved');
      base = { seq: anchor.seq, hash: anchor.hash };
    }
    for (const c of [legacy, head]) {
      if (c?.seq === base.seq && c.hash !== base.hash) return broken(base.seq + 1, 'the anchor was moved');
    }
    if (head && head.seq < base.seq) return broken(head.seq, 'checkpoints were removed');

    const legacyThrough = legacy?.seq ?? 0;
    const covered = head?.seq ?? base.seq;
    let prev = base.hash;
    let last = base.seq;
    for (;;) {
      const page = await tx.query<ChainRow>(ROWS, [last]);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.seq !== last + 1) return broken(row.seq, 'a row before it was removed');
        if (row.prev_hash !== prev) return broken(row.seq, 'a row before it was removed or altered');
        const fields = { ...row, at: new Date(row.at).toISOString() };
        const expected =
          row.seq <= legacyThrough ? legacyChainHash(prev, fields) : rowMac(key, prev, row.seq, fields);
        if (!sameMac(row.hash, expected)) return broken(row.seq, 'the row was altered');
        for (const c of [legacy, head]) {
          if (c?.seq === row.seq && c.hash !== row.hash) return broken(row.seq, 'the row was altered');
        }
        if (row.seq > covered) return broken(row.seq, 'the checkpoint of the newest rows was removed');
        prev = row.hash;
        last = row.seq;
      }
    }
    if (last < covered || last < newestWritten) return broken(last + 1, 'the newest rows were removed');
    return { ok: true, rows: last - base.seq };
  });
}
