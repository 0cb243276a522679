import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from '../store/engines.ts';

describe.each(ENGINES)('the access audit on $name', (engine) => {
  let db: Db;
  let audit: ReturnType<typeof createPgAccessAudit>;

  beforeEach(async () => {
    db = await openMigrated(engine);
    audit = createPgAccessAudit(db);
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
      await tx.query("SELECT set_config('infocig.audit_purge', 'on', true)");
      await tx.query("SELECT set_config('session_replication_role', 'replica', true)");
      await tx.query(sql);
    });
  }

  it('verifies an intact chain', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: 6 });
  });

  it('keeps one chain when many reads are recorded at once by two writers, in the order each asked', async () => {
    const other = createPgAccessAudit(db);
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
  });

  it('detects a modified row', async () => {
    const [third] = await db.query<{ id: number }>(
      'SELECT id FROM access_audit ORDER BY id OFFSET 2 LIMIT 1',
    );
    await tamper(`UPDATE access_audit SET actor_name = 'Qualcun altro' WHERE id = ${third!.id}`);
    expect(await audit.verify()).toEqual({ ok: false, brokenAt: third!.id, reason: 'the row was altered' });
  });

  it('detects a deleted row', async () => {
    const [third, fourth] = await db.query<{ id: number }>(
      'SELECT id FROM access_audit ORDER BY id OFFSET 2 LIMIT 2',
    );
    await tamper(`DELETE FROM access_audit WHERE id = ${third!.id}`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: fourth!.id });
  });

  it('purges by retention and still verifies from the anchor', async () => {
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
