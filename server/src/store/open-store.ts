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
 * Opens the store the server uses, its schema brought up to date. With an admin connection the
 * migrations run there and the server's role is granted what it needs; without one the server's
 * own connection migrates (PGlite, or a demo connected as a superuser).
 */
export async function openMigratedStore(options: StoreOptions): Promise<{ db: Db; applied: string[] }> {
  const { adminUrl, ...dbOptions } = options;
  if (!adminUrl || !dbOptions.databaseUrl) {
    const db = await openDb(dbOptions);
    const { applied } = await migrate(db).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return { db, applied };
  }
  const admin = await openDb({ databaseUrl: adminUrl, schema: dbOptions.schema, poolSize: 1 });
  try {
    const { applied } = await migrate(admin);
    const db = await openDb(dbOptions);
    try {
      const [server] = await db.query<{ role: string }>('SELECT current_user AS role');
      const [self] = await admin.query<{ role: string }>('SELECT current_user AS role');
      if (server && server.role !== self?.role) await grantServerRole(admin, server.role);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, applied };
  } finally {
    await admin.close();
  }
}
