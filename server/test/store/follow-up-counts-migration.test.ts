import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_OF_ROLE } from '../../src/figures/published-figures.ts';
import { type Db, loadMigrations, migrate } from '../../src/store/index.ts';
import { ENGINES } from './engines.ts';

const COUNTS = '009_follow_up_counts.sql';

/** id, queue, role, created at, answered at (UTC) */
const CASES: [string, string, string, string, string | null][] = [
  ['F1', 'workers', 'lavoratore', '2025-03-10T09:00:00Z', '2025-03-11T10:00:00Z'],
  // 23:30 UTC on 10 March is 00:30 on 11 March in Italy.
  ['F2', 'workers', 'lavoratore', '2025-03-10T23:30:00Z', null],
  ['F3', 'employers', 'titolare', '2025-03-10T10:00:00Z', '2025-03-10T15:00:00Z'],
  ['F4', 'employers', 'legale_rappresentante', '2025-03-10T11:00:00Z', null],
  ['F5', 'employers', 'consulente', '2025-03-11T08:00:00Z', '2025-03-12T08:00:00Z'],
  ['F6', 'employers', 'sconosciuto', '2025-03-11T08:30:00Z', null],
];

describe.each(ENGINES)('the follow-up counts migration on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.open();
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.name)).toContain(COUNTS);
    await migrate(
      db,
      migrations.filter((m) => m.name < COUNTS),
    );
    for (const [id, queue, role, createdAt, answeredAt] of CASES) {
      await db.query(
        `INSERT INTO follow_ups (id, queue, visitor_cf, visitor_role, visitor_name, topic, body, created_at, status, answer, answered_at)
         VALUES ($1, $2, 'RSSMRA80A01H501U', $3, 'Mario Rossi', 'altro', 'Vi scrivo', $4, $5, $6, $7)`,
        [
          id,
          queue,
          role,
          createdAt,
          answeredAt ? 'answered' : 'open',
          answeredAt ? 'Risposta' : null,
          answeredAt,
        ],
      );
    }
    // This one first, then any that came after it.
    expect((await migrate(db)).applied[0]).toBe(COUNTS);
  });
  afterAll(() => engine.dispose(db));

  it('counts the follow-ups already kept by Italian day, audience and user category', async () => {
    const rows = await db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, audience, category, opened, answered
       FROM follow_up_counts ORDER BY day, audience, category`,
    );
    expect(rows).toEqual([
      { day: '2025-03-10', audience: 'employers', category: 'employer', opened: 2, answered: 1 },
      { day: '2025-03-10', audience: 'workers', category: 'worker', opened: 1, answered: 0 },
      { day: '2025-03-11', audience: 'employers', category: 'intermediary', opened: 1, answered: 0 },
      { day: '2025-03-11', audience: 'employers', category: 'other', opened: 1, answered: 0 },
      { day: '2025-03-11', audience: 'workers', category: 'worker', opened: 1, answered: 1 },
      { day: '2025-03-12', audience: 'employers', category: 'intermediary', opened: 0, answered: 1 },
    ]);
  });

  it('splits roles as the published figures do', async () => {
    const migration = (await loadMigrations()).find((m) => m.name === COUNTS)!;
    for (const [role, category] of Object.entries(CATEGORY_OF_ROLE)) {
      expect(migration.sql).toContain(`WHEN '${role}' THEN '${category}'`);
    }
  });

  it('refuses a count below zero or of an unknown category', async () => {
    await expect(
      db.query(
        `INSERT INTO follow_up_counts (day, audience, category, opened) VALUES ('2025-01-01', 'workers', 'worker', -1)`,
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(
        `INSERT INTO follow_up_counts (day, audience, category) VALUES ('2025-01-01', 'workers', 'advisor')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
