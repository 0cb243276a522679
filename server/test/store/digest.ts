import type { Db } from '../../src/store/index.ts';

const TABLES = [
  'inps_offices',
  'companies',
  'company_positions',
  'workers',
  'applications',
  'application_workers',
  'application_status_history',
  'payment_requests',
  'payment_status_history',
  'intermediaries',
  'delegations',
];

/** A fingerprint of every row of every claims table, the same on both engines for the same data. */
export async function digestOf(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL TimeZone = 'UTC'`);
    const digests: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await tx.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      digests[table] = row!.digest;
    }
    return digests;
  });
}
