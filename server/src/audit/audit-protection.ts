import type { Db } from '../store/index.ts';

/**
 * Whether the role this connection uses could rewrite the access audit: a superuser, an owner of
 * its tables or of their schema (who may drop them), or a role granted UPDATE, DELETE or TRUNCATE.
 * On PGlite, a single user, it always could.
 */
export async function auditRewritableByServer(db: Db): Promise<boolean> {
  if (db.engine === 'pglite') return true;
  const [row] = await db.query<{ rewritable: boolean }>(
    `SELECT bool_or(
         has_table_privilege(t, 'UPDATE') OR has_table_privilege(t, 'DELETE') OR has_table_privilege(t, 'TRUNCATE')
         OR pg_has_role(c.relowner, 'USAGE') OR pg_has_role(n.nspowner, 'USAGE'))
       OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS rewritable
     FROM unnest(ARRAY['access_audit', 'access_audit_checkpoint', 'access_audit_anchor']::regclass[]) AS t
     JOIN pg_class c ON c.oid = t JOIN pg_namespace n ON n.oid = c.relnamespace`,
  );
  return row?.rewritable ?? true;
}
