import type { Db } from '../../src/store/index.ts';
import { SEEDED_TABLES } from '../../src/store/seed/seed-demo-data.ts';

/** A fingerprint of every row of every claims table, the same on both engines for the same data. */
export async function digestOf(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL TimeZone = 'UTC'`);
    const digests: Record<string, string> = {};
    for (const table of SEEDED_TABLES) {
      const [row] = await tx.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      digests[table] = row!.digest;
    }
    return digests;
  });
}
