import { APPLICATION_STATUSES, BENEFIT_TYPES, PAYMENT_METHODS, PAYMENT_STATUSES } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, loadMigrations, migrate } from '../../src/store/index.ts';
import { ENGINES } from './engines.ts';

describe.each(ENGINES)('migrations on $name', (engine) => {
  let db: Db;

  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await engine.dispose(db);
  });

  it('applies every migration once, then nothing', async () => {
    const names = (await loadMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(db)).toEqual({ applied: names });
    expect(await migrate(db)).toEqual({ applied: [] });
    const recorded = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(recorded.map((r) => r.name)).toEqual(names);
  });

  it('lets two migrators run at once without applying anything twice', async () => {
    const extra = [{ name: '999_probe.sql', sql: 'CREATE TABLE migration_probe (id int)' }];
    const [first, second] = await Promise.all([migrate(db, extra), migrate(db, extra)]);
    expect([...first.applied, ...second.applied]).toEqual(['999_probe.sql']);
  });

  it('keeps statuses, benefit types and methods to the values the shared domain defines', async () => {
    const constraints = await db.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.contype = 'c' AND t.relnamespace = current_schema()::regnamespace
         AND t.relname IN ('applications', 'payment_requests')`,
    );
    const all = constraints.map((c) => c.definition).join('\n');
    for (const value of [
      ...APPLICATION_STATUSES,
      ...PAYMENT_STATUSES,
      ...BENEFIT_TYPES,
      ...PAYMENT_METHODS,
    ]) {
      expect(all).toContain(`'${value}'`);
    }
  });

  it('refuses an unknown status', async () => {
    await db.exec(`
      INSERT INTO inps_offices VALUES ('0580', 'INPS Roma', 'RM');
      INSERT INTO companies VALUES ('01234560157', 'Prova S.r.l.', 'RM');
      INSERT INTO company_positions VALUES ('5800000001', '01234560157', '0580', 'industria');`);
    await expect(
      db.query(
        `INSERT INTO applications (id, matricola, benefit_type, reason, period_from, period_to, status,
           status_since, submitted_at, inps_office_code, hours_requested)
         VALUES ('x', '5800000001', 'CIGO', 'r', '2024-01-01', '2024-01-31', 'SOSPESA', now(), now(), '0580', 10)`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
