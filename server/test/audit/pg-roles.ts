import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/store/index.ts';
import { TEST_DATABASE_URL } from '../store/engines.ts';

/** The connection that migrates and cleans up: a superuser on the test server. */
export const ADMIN_URL = TEST_DATABASE_URL;
export const AUDIT_OWNER = 'infocig_audit_owner';

export interface ServerRole {
  name: string;
  /** TEST_DATABASE_URL, connecting as this role. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A non-superuser LOGIN role made for one test file, as production must connect: it owns nothing
 * and gets only what the migrations grant the server. Dropped with whatever was granted to it.
 */
export async function createServerRole(admin: Db): Promise<ServerRole> {
  const name = `infocig_test_server_${randomBytes(5).toString('hex')}`;
  await admin.exec(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  const url = new URL(ADMIN_URL);
  url.username = name;
  url.password = '';
  return {
    name,
    url: url.toString(),
    drop: () => admin.exec(`DROP OWNED BY ${name}; DROP ROLE ${name}`),
  };
}

export const testSchemaName = () => `infocig_test_${randomBytes(6).toString('hex')}`;
