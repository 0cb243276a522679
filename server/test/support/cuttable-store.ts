import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A test server on a PostgreSQL database of the file's own that a test may cut off (no new
 * connections, its sessions ended) and restore; created before the file's tests, dropped after.
 */
export function serverOnCuttableStore(tag: string) {
  const database = `infocig_${tag}_${randomBytes(5).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  let admin: pg.Client | undefined;
  let server: TestServer | undefined;
  const adminClient = () => {
    if (!admin) throw new Error('used before the fixture was set up');
    return admin;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    server = await startTestServer({ store: { databaseUrl: url.toString() } });
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    await server?.close();
    await admin?.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin?.end();
  });

  return {
    get server(): TestServer {
      if (!server) throw new Error('used before the fixture was set up');
      return server;
    },
    /** The store goes away: no new connections to the database, and its sessions cut. */
    async cut(): Promise<void> {
      await adminClient().query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await adminClient().query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
        database,
      ]);
    },
    async restore(): Promise<void> {
      await adminClient().query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    },
  };
}
