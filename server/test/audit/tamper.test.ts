import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anchorMac, checkpointMac, legacyChainHash, rowMac } from '../../src/audit/audit-chain.ts';
import { auditKeyFrom } from '../../src/audit/audit-key.ts';
import { auditRewritableByServer } from '../../src/audit/audit-protection.ts';
import { createPgAccessAudit, type PgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import { type Db, openDb, openMigratedStore } from '../../src/store/index.ts';
import { TEST_AUDIT_KEY } from '../support/audit-test-key.ts';
import { ADMIN_URL, AUDIT_OWNER, createServerRole, type ServerRole, testSchemaName } from './pg-roles.ts';

/**
 * The six tamperings an outside review did directly in PostgreSQL, done again: as the server's own
 * role where it could try (a dedicated non-superuser LOGIN role made for this file, as production
 * must connect), and as the audit's owner otherwise. `verify` must catch every one.
 */
const DAY = 86_400_000;
const DENIED = { code: '42501' };
const WRONG_KEY = auditKeyFrom('not-the-servers-key-but-just-as-long-0000');

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

interface Fixture {
  schema: string;
  server: Db;
  owner: Db;
  audit: PgAccessAudit;
}

/** A schema of its own, migrated by the admin, with the server's role granted what the server gets. */
async function openFixture(): Promise<Fixture> {
  const schema = testSchemaName();
  const { db: server } = await openMigratedStore({
    databaseUrl: serverRole.url,
    adminUrl: ADMIN_URL,
    schema,
    poolSize: 2,
  });
  const owner = await openDb({ databaseUrl: ADMIN_URL, schema, poolSize: 1 });
  return { schema, server, owner, audit: createPgAccessAudit(server, { key: TEST_AUDIT_KEY }) };
}

async function closeFixture(f: Fixture): Promise<void> {
  await f.server.close();
  await f.owner.exec(`DROP SCHEMA IF EXISTS "${f.schema}" CASCADE`);
  await f.owner.close();
}

/** Acting as the audit's owner, the one role that may change its tables (never the server's). */
async function asOwner<T>(f: Fixture, fn: (tx: Db) => Promise<T>): Promise<T> {
  return f.owner.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${AUDIT_OWNER}`);
    return fn(tx);
  });
}

/** The owner's way round the append-only triggers: disable them, change, enable them again. */
async function ownerRewrites(f: Fixture, sql: string): Promise<void> {
  await asOwner(f, (tx) =>
    tx.exec(`ALTER TABLE access_audit DISABLE TRIGGER USER;
      ALTER TABLE access_audit_checkpoint DISABLE TRIGGER USER;
      ${sql};
      ALTER TABLE access_audit ENABLE TRIGGER USER;
      ALTER TABLE access_audit_checkpoint ENABLE TRIGGER USER;`),
  );
}

async function recordReads(audit: PgAccessAudit, count: number, first = 1): Promise<void> {
  for (let i = first; i < first + count; i++) {
    await audit.record({
      actor: 'RMNPLA80A01H501X',
      actorName: 'Paolo Romano',
      actorRole: 'advisor',
      subject: `PERSON${i}`,
      what: 'claims',
      purpose: 'assigned chat',
      // The fifth read was an attempt the server turned down.
      ...(i === 5 ? { outcome: 'refused' as const } : {}),
    });
  }
}

/** Another process with the same key: it remembers nothing this one wrote. */
const elsewhere = (f: Fixture) => createPgAccessAudit(f.server, { key: TEST_AUDIT_KEY });

describe('the access audit on PostgreSQL, tampered with', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
    await recordReads(f.audit, 8);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 8 });
  });
  afterEach(() => closeFixture(f));

  it("gives the server's role no way to change or remove what it wrote", async () => {
    expect(await auditRewritableByServer(f.server)).toBe(false);
    expect(await auditRewritableByServer(f.owner)).toBe(true); // the admin here is a superuser
    const aColumn = { access_audit: 'hash', access_audit_checkpoint: 'hash', access_audit_anchor: 'mac' };
    for (const [table, column] of Object.entries(aColumn)) {
      await expect(f.server.query(`UPDATE ${table} SET ${column} = 'x'`)).rejects.toMatchObject(DENIED);
      await expect(f.server.query(`DELETE FROM ${table}`)).rejects.toMatchObject(DENIED);
      await expect(f.server.query(`TRUNCATE ${table}`)).rejects.toMatchObject(DENIED);
      await expect(f.server.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toMatchObject(DENIED);
      await expect(f.server.query(`DROP TABLE ${table}`)).rejects.toMatchObject(DENIED);
    }
    await expect(
      f.server.query("INSERT INTO access_audit_anchor VALUES (1, 3, 'x', now(), 3, 'x')"),
    ).rejects.toMatchObject(DENIED);
    await expect(f.server.query("UPDATE access_audit_policy SET min_retention = '0'")).rejects.toMatchObject(
      DENIED,
    );
    await expect(f.server.query(`SET ROLE ${AUDIT_OWNER}`)).rejects.toMatchObject(DENIED);
    // The purge function is the server's one way to remove rows, and it keeps the retention floor.
    await expect(f.audit.purgeOlderThan(new Date())).rejects.toThrow(/minimum retention/);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 8 });
  });

  it('catches a row altered', async () => {
    await expect(
      f.server.query("UPDATE access_audit SET actor_name = 'Qualcun altro' WHERE seq = 3"),
    ).rejects.toMatchObject(DENIED);
    await ownerRewrites(f, "UPDATE access_audit SET actor_name = 'Qualcun altro' WHERE seq = 3");
    expect(await f.audit.verify()).toEqual({ ok: false, brokenAt: 3, reason: 'the row was altered' });
  });

  it('catches a row deleted', async () => {
    await expect(f.server.query('DELETE FROM access_audit WHERE seq = 3')).rejects.toMatchObject(DENIED);
    await asOwner(f, (tx) => tx.query('DELETE FROM access_audit WHERE seq = 3'));
    expect(await f.audit.verify()).toEqual({ ok: false, brokenAt: 4, reason: 'a row before it was removed' });
  });

  it('catches refused changed to granted', async () => {
    const [refused] = await f.server.query<{ outcome: string }>(
      'SELECT outcome FROM access_audit WHERE seq = 5',
    );
    expect(refused?.outcome).toBe('refused');
    await expect(
      f.server.query("UPDATE access_audit SET outcome = 'granted' WHERE seq = 5"),
    ).rejects.toMatchObject(DENIED);
    await ownerRewrites(f, "UPDATE access_audit SET outcome = 'granted' WHERE seq = 5");
    expect(await f.audit.verify()).toEqual({ ok: false, brokenAt: 5, reason: 'the row was altered' });
  });

  it('catches the newest rows deleted; the old purge setting opens nothing', async () => {
    await expect(
      f.server.transaction(async (tx) => {
        await tx.query("SELECT set_config('infocig.audit_purge', 'on', true)");
        await tx.query('DELETE FROM access_audit WHERE seq > 6');
      }),
    ).rejects.toMatchObject(DENIED);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 8 });

    await asOwner(f, (tx) => tx.query('DELETE FROM access_audit WHERE seq > 6'));
    const expected = { ok: false, brokenAt: 7, reason: 'the newest rows were removed' };
    expect(await elsewhere(f).verify()).toEqual(expected); // the signed checkpoint says seq 8
    expect(await f.audit.verify()).toEqual(expected);
  });

  it('catches the newest rows deleted with their checkpoints, in the process that wrote them', async () => {
    await ownerRewrites(
      f,
      'DELETE FROM access_audit WHERE seq > 6; DELETE FROM access_audit_checkpoint WHERE seq > 6',
    );
    expect(await f.audit.verify()).toEqual({
      ok: false,
      brokenAt: 7,
      reason: 'the newest rows were removed',
    });
    // The limit README states: rolled back whole, rows and checkpoints, the database alone cannot
    // tell; a process that did not write them needs the head logged outside (retention logs it).
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 6 });
  });

  it('catches a row edited with every later hash recomputed with SHA-256', async () => {
    await rehashFrom(f, 3, (prev, _seq, row) => legacyChainHash(prev, row));
    expect(await elsewhere(f).verify()).toEqual({ ok: false, brokenAt: 3, reason: 'the row was altered' });
  });

  it('catches a row edited with every later link and the checkpoint recomputed with another key', async () => {
    await rehashFrom(f, 3, (prev, seq, row) => rowMac(WRONG_KEY, prev, seq, row));
    expect(await elsewhere(f).verify()).toEqual({ ok: false, brokenAt: 3, reason: 'the row was altered' });
    await resignCheckpoints(f);
    expect(await elsewhere(f).verify()).toEqual({
      ok: false,
      brokenAt: 8,
      reason: 'a checkpoint was forged',
    });
  });

  it('catches the oldest rows deleted with the anchor moved', async () => {
    const [third] = await f.server.query<{ hash: string }>('SELECT hash FROM access_audit WHERE seq = 3');
    await asOwner(f, async (tx) => {
      await tx.query('DELETE FROM access_audit WHERE seq <= 3');
      await tx.query(
        `INSERT INTO access_audit_anchor (id, last_purged_id, last_purged_seq, last_purged_hash, purged_at, mac)
         VALUES (1, 3, 3, $1, now(), $2)`,
        [third!.hash, anchorMac(WRONG_KEY, 3, third!.hash)],
      );
    });
    expect(await elsewhere(f).verify()).toEqual({ ok: false, brokenAt: 4, reason: 'the anchor was moved' });

    // Posing as an anchor from before the key does not help: no legacy checkpoint vouches for it.
    await asOwner(f, (tx) =>
      tx.query('UPDATE access_audit_anchor SET last_purged_seq = 0, mac = NULL WHERE id = 1'),
    );
    expect(await elsewhere(f).verify()).toEqual({ ok: false, brokenAt: 1, reason: 'the anchor was moved' });
  });

  it('catches the oldest rows purged through the function by the owner, with a MAC it cannot compute', async () => {
    const [third] = await f.server.query<{ hash: string }>('SELECT hash FROM access_audit WHERE seq = 3');
    await asOwner(f, async (tx) => {
      await tx.query("UPDATE access_audit_policy SET min_retention = interval '-1 day'");
      await tx.query("SELECT access_audit_purge(now() + interval '1 hour', 3, $1, $2)", [
        third!.hash,
        'forged',
      ]);
    });
    expect(await f.server.query('SELECT seq FROM access_audit WHERE seq <= 3')).toEqual([]);
    expect(await elsewhere(f).verify()).toEqual({ ok: false, brokenAt: 4, reason: 'the anchor was moved' });
  });
});

describe('the access audit on PostgreSQL, purged by retention', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => closeFixture(f));

  it('purges through the function as the server role, and verify stays green', async () => {
    const old = createPgAccessAudit(f.server, {
      key: TEST_AUDIT_KEY,
      now: () => new Date(Date.now() - 40 * DAY),
    });
    await recordReads(old, 4);
    await recordReads(f.audit, 3, 5);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 7 });

    expect(await f.audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(4);
    expect(await f.audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(0);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 3 });
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 3 });
    const [anchor] = await f.server.query<{ last_purged_seq: number }>(
      'SELECT last_purged_seq FROM access_audit_anchor',
    );
    expect(anchor?.last_purged_seq).toBe(4);
    // Checkpoints nothing needs any more went with the rows: only the newest is kept.
    expect(await f.server.query('SELECT seq FROM access_audit_checkpoint')).toEqual([{ seq: 7 }]);

    await recordReads(f.audit, 2, 8);
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 5 });
  });

  it('keeps only the newest checkpoint, even when no row is old enough to purge', async () => {
    await recordReads(f.audit, 3);
    expect(await f.server.query('SELECT seq FROM access_audit_checkpoint ORDER BY seq')).toEqual([
      { seq: 1 },
      { seq: 2 },
      { seq: 3 },
    ]);
    expect(await f.audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(0);
    expect(await f.server.query('SELECT seq FROM access_audit_checkpoint')).toEqual([{ seq: 3 }]);
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 3 });
  });

  it('purges every row and carries on from the anchor', async () => {
    const old = createPgAccessAudit(f.server, {
      key: TEST_AUDIT_KEY,
      now: () => new Date(Date.now() - 40 * DAY),
    });
    await recordReads(old, 3);
    expect(await f.audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(3);
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 0 });
    await recordReads(f.audit, 2, 4);
    expect(await elsewhere(f).verify()).toEqual({ ok: true, rows: 2 });
  });

  it('keeps a row younger than the cutoff, and every row after it', async () => {
    const old = createPgAccessAudit(f.server, {
      key: TEST_AUDIT_KEY,
      now: () => new Date(Date.now() - 40 * DAY),
    });
    await recordReads(old, 2);
    await recordReads(f.audit, 1, 3);
    await recordReads(old, 2, 4); // written late (a clock behind): old, but after a young row
    expect(await f.audit.purgeOlderThan(new Date(Date.now() - 30 * DAY))).toBe(2);
    expect(await f.audit.verify()).toEqual({ ok: true, rows: 3 });
  });
});

const EMPTY_ROW = {
  at: '',
  actor_cf: '',
  actor_name: '',
  actor_role: '',
  subject_cf: '',
  what: '',
  purpose: '',
  conversation_id: null,
  outcome: '',
};

type Relink = (prevHash: string, seq: number, row: typeof EMPTY_ROW) => string;

/** The owner edits row `from` and recomputes its link and every later one, as the review did. */
async function rehashFrom(f: Fixture, from: number, relink: Relink): Promise<void> {
  await ownerRewrites(f, `UPDATE access_audit SET actor_name = 'Qualcun altro' WHERE seq = ${from}`);
  await asOwner(f, async (tx) => {
    await tx.exec('ALTER TABLE access_audit DISABLE TRIGGER USER');
    const rows = await tx.query<typeof EMPTY_ROW & { seq: number; prev_hash: string; at: Date | string }>(
      `SELECT seq, at, actor_cf, actor_name, actor_role, subject_cf, what, purpose, conversation_id, outcome, prev_hash
         FROM access_audit WHERE seq >= $1 ORDER BY seq`,
      [from],
    );
    let prev = rows[0]!.prev_hash;
    for (const row of rows) {
      const hash = relink(prev, row.seq, { ...row, at: new Date(row.at).toISOString() });
      await tx.query('UPDATE access_audit SET prev_hash = $1, hash = $2 WHERE seq = $3', [
        prev,
        hash,
        row.seq,
      ]);
      prev = hash;
    }
    await tx.exec('ALTER TABLE access_audit ENABLE TRIGGER USER');
  });
}

/** The owner makes the newest checkpoint agree with the rewritten head, signed with the wrong key. */
async function resignCheckpoints(f: Fixture): Promise<void> {
  const [head] = await f.server.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM access_audit ORDER BY seq DESC LIMIT 1',
  );
  await ownerRewrites(
    f,
    `UPDATE access_audit_checkpoint SET hash = '${head!.hash}', mac = '${checkpointMac(WRONG_KEY, head!.seq, head!.hash)}'
       WHERE seq = ${head!.seq}`,
  );
}
