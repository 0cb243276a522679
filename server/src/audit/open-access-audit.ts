import type { Db } from '../store/index.ts';
import type { AuditKey } from './audit-chain.ts';
import { createPgAccessAudit, type PgAccessAudit } from './pg-access-audit.ts';

/** The migration that keys the access audit; whoever applies it vouches for the rows before it. */
export const AUDIT_KEYING_MIGRATION = '007_audit_witness.sql';

/**
 * The server's access audit. When this start applied the keying migration, the rows linked before
 * it (unkeyed) are vouched for now, once, by a signed legacy checkpoint of their head; later they
 * cannot be rewritten without verify noticing.
 */
export async function openAccessAudit(
  db: Db,
  key: AuditKey,
  applied: readonly string[],
): Promise<PgAccessAudit> {
  const audit = createPgAccessAudit(db, { key });
  if (applied.includes(AUDIT_KEYING_MIGRATION)) await audit.signLegacyHead();
  return audit;
}
