import type { Db } from './db.ts';

/** The access audit's tables: the server's role may read them and add to two of them, nothing else. */
const AUDIT_TABLES = [
  'access_audit',
  'access_audit_checkpoint',
  'access_audit_anchor',
  'access_audit_policy',
];

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Gives the role the server connects as what it needs in the current schema, through the admin
 * connection that ran the migrations (so it owns the tables, or is a superuser): read and write on
 * the service's own tables; on the access audit only SELECT, INSERT on the rows and checkpoints,
 * and EXECUTE on the purge functions. Run after every migration, so new tables are covered.
 */
export async function grantServerRole(admin: Db, role: string): Promise<void> {
  const who = quoteIdent(role);
  await admin.transaction(async (tx) => {
    const [{ schema } = { schema: 'public' }] = await tx.query<{ schema: string }>(
      'SELECT current_schema() AS schema',
    );
    const where = quoteIdent(schema);
    const [{ sequences } = { sequences: [] }] = await tx.query<{ sequences: string[] }>(
      `SELECT array_remove(ARRAY[pg_get_serial_sequence('access_audit', 'id'),
                                 pg_get_serial_sequence('access_audit_checkpoint', 'id')], NULL) AS sequences`,
    );
    await tx.exec(`
      GRANT USAGE ON SCHEMA ${where} TO ${who};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${where} TO ${who};
      GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${where} TO ${who};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${who};
      REVOKE ALL ON ${AUDIT_TABLES.join(', ')} FROM ${who};
      GRANT SELECT, INSERT ON access_audit, access_audit_checkpoint TO ${who};
      GRANT SELECT ON access_audit_anchor, access_audit_policy TO ${who};
      GRANT EXECUTE ON FUNCTION access_audit_purge(timestamptz, bigint, text, text) TO ${who};
      GRANT EXECUTE ON FUNCTION access_audit_prune_checkpoints() TO ${who};
      ${sequences.map((s) => `REVOKE ALL ON SEQUENCE ${s} FROM ${who};`).join('\n')}
    `);
  });
}
