import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type ChainedFields, legacyChainHash } from '../../src/audit/audit-chain.ts';
import { AUDIT_KEYING_MIGRATION, openAccessAudit } from '../../src/audit/open-access-audit.ts';
import { createPgAccessAudit, type PgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import { type Db, loadMigrations, migrate, openDb, openMigratedStore } from '../../src/store/index.ts';
import { TEST_AUDIT_KEY } from '../support/audit-test-key.ts';
import { ADMIN_URL, AUDIT_OWNER, createServerRole, type ServerRole, testSchemaName } from './pg-roles.ts';

/**
 * A store whose audit was written before it was keyed (unkeyed SHA-256 links, one old purge),
 * upgraded: the process applying the keying migration vouches for those rows once, and from then
 * on they cannot be rewritten or cut either.
 */
const DAY = 86_400_000;
let admin: Db;
let serverRole: ServerRole;
beforeAll(async () => {
  admin = await openDb({ databaseUrl: ADMIN_URL, poolSize: 1 });
  serverRole = await createServerRole(admin);
});
afterAll(async () => {
  await serverRole.drop();
  await admin.close();
});

let schema: string;
let owner: Db;
let server: Db;
let audit: PgAccessAudit;

/** Five reads written the old way, 40 days ago; the first two since removed by the old purge. */
async function writeUnkeyedAudit(db: Db): Promise<void> {
  let prev = '';
  for (let i = 1; i <= 5; i++) {
    const row: ChainedFields = {
      at: new Date(Date.now() - 40 * DAY + i).toISOString(),
      actor_cf: 'RMNPLA80A01H501X',
      actor_name: 'Paolo Romano',
      actor_role: 'advisor',
      subject_cf: `PERSON${i}`,
      what: 'claims',
      purpose: 'assigned chat',
      conversation_id: null,
      outcome: 'granted',
    };
    const hash = legacyChainHash(prev, row);
    await db.query(
      `INSERT INTO access_audit (at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, outcome, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.at,
        row.actor_cf,
        row.actor_name,
        row.actor_role,
        row.subject_cf,
        row.what,
        row.purpose,
        row.outcome,
        prev,
        hash,
      ],
    );
    prev = hash;
  }
  await db.transaction(async (tx) => {
    await tx.query("SELECT set_config('infocig.audit_purge', 'on', true)");
    const [second] = await tx.query<{ id: number; hash: string }>(
      'SELECT id, hash FROM access_audit ORDER BY id OFFSET 1 LIMIT 1',
    );
    await tx.query('DELETE FROM access_audit WHERE id <= $1', [second!.id]);
    await tx.query('INSERT INTO access_audit_anchor VALUES (1, $1, $2, now())', [second!.id, second!.hash]);
  });
}

beforeEach(async () => {
  schema = testSchemaName();
  owner = await openDb({ databaseUrl: ADMIN_URL, schema, poolSize: 1 });
  const before = (await loadMigrations()).filter((m) => m.name < AUDIT_KEYING_MIGRATION);
  await migrate(owner, before);
  await writeUnkeyedAudit(owner);

  const opened = await openMigratedStore({
    databaseUrl: serverRole.url,
    adminUrl: ADMIN_URL,
    schema,
    poolSize: 2,
  });
  server = opened.db;
  expect(opened.applied[0]).toBe(AUDIT_KEYING_MIGRATION);
  audit = await openAccessAudit(server, TEST_AUDIT_KEY, opened.applied);
});
afterEach(async () => {
  await server.close();
  await owner.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await owner.close();
});

const elsewhere = () => createPgAccessAudit(server, { key: TEST_AUDIT_KEY });
const read = (subject: string) =>
  audit.record({
    actor: 'RMNPLA80A01H501X',
    actorRole: 'advisor',
    subject,
    what: 'claims',
    purpose: 'assigned chat',
  });

it('verifies the unkeyed rows it vouched for, and the keyed rows after them', async () => {
  expect(await elsewhere().verify()).toEqual({ ok: true, rows: 3 });
  await read('PERSON6');
  await read('PERSON7');
  expect(await elsewhere().verify()).toEqual({ ok: true, rows: 5 });
  // Vouching happens once: a later start that applies nothing signs nothing.
  await openAccessAudit(server, TEST_AUDIT_KEY, []);
  await audit.signLegacyHead();
  expect(await server.query('SELECT seq FROM access_audit_checkpoint WHERE legacy')).toEqual([{ seq: 3 }]);
});

it('catches an unkeyed row rewritten with its SHA-256 links recomputed', async () => {
  await read('PERSON6');
  await owner.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${AUDIT_OWNER}; ALTER TABLE access_audit DISABLE TRIGGER USER`);
    const rows = await tx.query<ChainedFields & { seq: number; prev_hash: string }>(
      'SELECT * FROM access_audit WHERE seq BETWEEN 2 AND 3 ORDER BY seq',
    );
    let prev = rows[0]!.prev_hash;
    for (const row of rows) {
      const fields = {
        ...row,
        at: new Date(row.at).toISOString(),
        ...(row.seq === 2 ? { purpose: 'curiosity' } : {}),
      };
      const hash = legacyChainHash(prev, fields);
      await tx.query('UPDATE access_audit SET purpose = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
        fields.purpose,
        prev,
        hash,
        row.seq,
      ]);
      prev = hash;
    }
    await tx.exec('ALTER TABLE access_audit ENABLE TRIGGER USER');
  });
  expect(await elsewhere().verify()).toEqual({ ok: false, brokenAt: 3, reason: 'the row was altered' });
});

it('catches the oldest unkeyed row removed with the unsigned anchor moved', async () => {
  await owner.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${AUDIT_OWNER}`);
    const [first] = await tx.query<{ id: number; hash: string }>(
      'SELECT id, hash FROM access_audit WHERE seq = 1',
    );
    await tx.query('DELETE FROM access_audit WHERE seq = 1');
    await tx.query('UPDATE access_audit_anchor SET last_purged_id = $1, last_purged_hash = $2', [
      first!.id,
      first!.hash,
    ]);
  });
  expect(await elsewhere().verify()).toEqual({
    ok: false,
    brokenAt: 2,
    reason: 'a row before it was removed',
  });
});

it('purges the unkeyed rows by retention and leaves a signed anchor', async () => {
  await read('PERSON6');
  expect(await audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(3);
  expect(await elsewhere().verify()).toEqual({ ok: true, rows: 1 });
  expect(await server.query('SELECT seq, legacy FROM access_audit_checkpoint')).toEqual([
    { seq: 4, legacy: false },
  ]);
});
