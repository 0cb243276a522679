import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from '../store/engines.ts';
import { TEST_AUDIT_KEY } from '../support/audit-test-key.ts';

describe.each(ENGINES)('the access audit on $name', (engine) => {
  let db: Db;
  let audit: ReturnType<typeof createPgAccessAudit>;

  beforeEach(async () => {
    db = await openMigrated(engine);
    audit = createPgAccessAudit(db, { key: TEST_AUDIT_KEY });
    for (let i = 0; i < 6; i++) {
      await audit.record({
        actor: 'ADVISOR',
        actorName: 'Paolo Romano',
        actorRole: 'advisor',
        subject: `PERSON${i % 2}`,
        what: 'claims',
        purpose: 'assigned chat',
      });
    }
  });
  afterEach(() => engine.dispose(db));

  /** What someone with full database rights could do, bypassing the append-only trigger. */
  async function tamper(sql: string) {
    await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('session_replication_role', 'replica', true)");
      await tx.query(sql);
    });
  }

  it('verifies an intact chain', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: 6 });
  });

  it('keeps one chain when many reads are recorded at once by two writers, in the order each asked', async () => {
    const other = createPgAccessAudit(db, { key: TEST_AUDIT_KEY });
    const entry = (i: number) => ({
      actor: i % 2 ? 'ADVISOR' : 'OTHER',
      actorRole: 'advisor' as const,
      subject: `BURST${String(i).padStart(3, '0')}`,
      what: 'claims',
      purpose: 'assigned chat',
    });
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? audit : other).record(entry(i))));
    expect(await audit.verify()).toEqual({ ok: true, rows: 66 });
    const rows = await db.query<{ subject_cf: string; actor_cf: string }>(
      "SELECT subject_cf, actor_cf FROM access_audit WHERE subject_cf LIKE 'BURST%' ORDER BY id",
    );
    expect(rows).toHaveLength(60);
    for (const actor of ['ADVISOR', 'OTHER']) {
      const own = rows.filter((r) => r.actor_cf === actor).map((r) => r.subject_cf);
      expect(own).toEqual([...own].sort());
    }
  });

  it('refuses updates and deletes', async () => {
    await expect(db.query("UPDATE access_audit SET purpose = 'curiosity'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM access_audit')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE access_audit')).rejects.toThrow(/cannot be truncated/);
    await expect(db.query("SELECT set_config('infocig.audit_purge', 'on', false)")).resolves.toBeDefined();
    await expect(db.query('DELETE FROM access_audit')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM access_audit_checkpoint')).rejects.toThrow(/append-only/);
    await expect(
      db.query("INSERT INTO access_audit_anchor VALUES (1, 1, 'x', now(), 1, 'x')"),
    ).rejects.toThrow(/access_audit_purge/);
  });

  it('detects a modified row', async () => {
    await tamper(`UPDATE access_audit SET actor_name = 'Qualcun altro' WHERE seq = 3`);
    expect(await audit.verify()).toEqual({ ok: false, brokenAt: 3, reason: 'the row was altered' });
  });

  it('detects a deleted row', async () => {
    await tamper('DELETE FROM access_audit WHERE seq = 3');
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects the newest rows removed, even by a process that did not write them', async () => {
    await tamper('DELETE FROM access_audit WHERE seq > 4');
    const elsewhere = createPgAccessAudit(db, { key: TEST_AUDIT_KEY });
    expect(await elsewhere.verify()).toEqual({
      ok: false,
      brokenAt: 5,
      reason: 'the newest rows were removed',
    });
  });

  it('purges by retention and still verifies from the anchor', async () => {
    await expect(audit.purgeOlderThan(new Date(Date.now() + 1000))).rejects.toThrow(/minimum retention/);
    await db.exec("UPDATE access_audit_policy SET min_retention = interval '-1 minute'");
    expect(await audit.purgeOlderThan(new Date(Date.now() + 1000))).toBe(6);
    await audit.record({
      actor: 'ADVISOR',
      actorRole: 'advisor',
      subject: 'PERSON9',
      what: 'claims',
      purpose: 'assigned chat',
    });
    expect(await audit.verify()).toEqual({ ok: true, rows: 1 });
  });

  it("lists who read a person's data, newest first", async () => {
    const rows = await audit.accessesTo('PERSON1');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      actor_name: 'Paolo Romano',
      actor_role: 'advisor',
      what: 'claims',
      outcome: 'granted',
    });
  });
});
