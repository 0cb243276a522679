import type { AccessLogEntry } from '@infocig/shared';
import type { PgAccessAudit } from './pg-access-audit.ts';

/** A person's own view of who read their data. */
export async function accessLogOf(audit: PgAccessAudit, subject: string): Promise<AccessLogEntry[]> {
  const rows = await audit.accessesTo(subject);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    actorRole: r.actor_role,
    what: r.what,
    purpose: r.purpose,
    outcome: r.outcome as AccessLogEntry['outcome'],
  }));
}
