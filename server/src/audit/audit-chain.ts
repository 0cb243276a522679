import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface ChainedFields {
  at: string;
  actor_cf: string;
  actor_name: string;
  actor_role: string;
  subject_cf: string;
  what: string;
  purpose: string;
  conversation_id: string | null;
  outcome: string;
}

/** The key the server links the audit with; the database never holds it. */
export type AuditKey = Buffer;

function fieldList(f: ChainedFields): string[] {
  return [
    f.at,
    f.actor_cf,
    f.actor_name,
    f.actor_role,
    f.subject_cf,
    f.what,
    f.purpose,
    f.conversation_id ?? '',
    f.outcome,
  ];
}

/**
 * A row's link as written before the audit was keyed: SHA-256 over the previous row's hash and the
 * row's own fields. Anyone can recompute it, so it is trusted only up to the signed legacy checkpoint.
 */
export function legacyChainHash(prevHash: string, f: ChainedFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...fieldList(f)]))
    .digest('hex');
}

function mac(key: AuditKey, message: readonly (string | number)[]): string {
  return createHmac('sha256', key).update(JSON.stringify(message)).digest('hex');
}

/** A row's link: an HMAC over the previous row's hash, the row's place in the chain and its fields. */
export function rowMac(key: AuditKey, prevHash: string, seq: number, f: ChainedFields): string {
  return mac(key, ['row', prevHash, seq, ...fieldList(f)]);
}

/** A checkpoint: "the chain reached row `seq`, whose hash is `hash`". */
export function checkpointMac(key: AuditKey, seq: number, hash: string): string {
  return mac(key, ['checkpoint', seq, hash]);
}

/** The checkpoint written once over rows linked before the key: they end at `seq` with `hash`. */
export function legacyCheckpointMac(key: AuditKey, seq: number, hash: string): string {
  return mac(key, ['legacy', seq, hash]);
}

/** The anchor a purge leaves: "rows up to `seq`, the last with hash `hash`, were removed by retention". */
export function anchorMac(key: AuditKey, seq: number, hash: string): string {
  return mac(key, ['anchor', seq, hash]);
}

/** Compares two hex MACs without leaking where they differ. */
export function sameMac(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
