import { type Db, type OpenDbOptions, openDb } from './db.ts';
import { migrate } from './migrate.ts';
import { grantServerRole } from './server-role.ts';

export interface StoreOptions extends OpenDbOptions {
  /**
   * PostgreSQL only: the connection migrations run through (an owner or admin role). The server
   * then connects with `databaseUrl` as an ordinary role, granted what it needs after migrating.
   */
  adminUrl?: string;
}

/**
 * Opens the store the server uses, its schema brought up to date. PostgreSQL migrates through a
 * connection of its own, not bound by the query timeout (an index on a national store may take
 * minutes): the admin connection when given, after which the server's role is granted what it
 * needs, or else the server's own URL (a demo connected as a superuser). PGlite migrates in place.
 */
export async function openMigratedStore(options: StoreOptions): Promise<{ db: Db; applied: string[] }> {
  const { adminUrl, ...dbOptions } = options;
  if (!dbOptions.databaseUrl) {
    const db = await openDb(dbOptions);
    const { applied } = await migrate(db).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return { db, applied };
  }
  const migrator = await openDb({
    databaseUrl: adminUrl ?? dbOptions.databaseUrl,
    schema: dbOptions.schema,
    poolSize: 1,
  });
  try {
    const { applied } = await migrate(migrator);
    const db = await openDb(dbOptions);
    try {
      if (adminUrl) await grantUnlessSame(migrator, db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, applied };
  } finally {
    await migrator.close();
  }
}

/** Grants the server's role what it needs, unless it is the role that migrated. */
async function grantUnlessSame(migrator: Db, db: Db): Promise<void> {
  const [server] = await db.query<{ role: string }>('SELECT current_user AS role');
  const [self] = await migrator.query<{ role: string }>('SELECT current_user AS role');
  if (server && server.role !== self?.role) await grantServerRole(migrator, server.role);
}
