import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditRewritableByServer } from '../../src/audit/audit-protection.ts';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { type Db, openDb } from '../../src/store/index.ts';
import { startTestServer, type TestServer } from '../support/index.ts';
import { ADMIN_URL, createServerRole, type ServerRole, testSchemaName } from './pg-roles.ts';

/**
 * The server as production runs it: connected as an ordinary role, its migrations run through
 * DATABASE_ADMIN_URL. Everything it does works with what it was granted, and no more.
 */
let admin: Db;
let serverRole: ServerRole;
let server: TestServer;
const schema = testSchemaName();

beforeAll(async () => {
  admin = await openDb({ databaseUrl: ADMIN_URL, poolSize: 1 });
  serverRole = await createServerRole(admin);
  server = await startTestServer({ store: { databaseUrl: serverRole.url, adminUrl: ADMIN_URL, schema } });
});
afterAll(async () => {
  await server?.close();
  await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await serverRole.drop();
  await admin.close();
});

it('seeds, serves and audits as a role that cannot rewrite the audit', async () => {
  const [me] = await server.app.db.query<{ role: string }>('SELECT current_user AS role');
  expect(me?.role).toBe(serverRole.name);
  expect(await auditRewritableByServer(server.app.db)).toBe(false);

  const employer = await server.token('employer-mi');
  const foreign = await fetch(`${server.url}/api/me/claims?companyCf=00000000000`, {
    headers: { authorization: `Bearer ${employer}` },
  });
  expect(foreign.status).toBe(403);
  const refused = await server.app.db.query<{ outcome: string }>(
    'SELECT outcome FROM access_audit WHERE actor_cf = $1',
    [DEMO_PERSONAS['employer-mi'].sub],
  );
  expect(refused).toEqual([{ outcome: 'refused' }]);
  expect(await server.app.audit.verify()).toEqual({ ok: true, rows: 1 });
  await expect(server.app.db.query('DELETE FROM access_audit')).rejects.toMatchObject({ code: '42501' });
});
