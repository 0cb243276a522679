import { PAYMENT_ANOMALY_KINDS } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimsStore, type Db, loadMigrations, migrate, seedDemoData } from '../../src/store/index.ts';
import { ENGINES } from './engines.ts';

const MIGRATION = '014_payment_anomaly_kind.sql';
const WORKER = 'RSSMRA80A01H501U';

/** A CISOA application authorised for the worker, with no payments yet. */
const APPLICATION = `
  INSERT INTO inps_offices VALUES ('0580', 'INPS Roma', 'RM');
  INSERT INTO companies VALUES ('01234560157', 'Campi S.r.l.', 'RM');
  INSERT INTO company_positions VALUES ('5800000001', '01234560157', '0580', 'agricoltura');
  INSERT INTO workers (cf, surname, first_name, birth_date, sex, residence_province)
    VALUES ('${WORKER}', 'Rossi', 'Mario', '1980-01-01', 'M', 'RM');
  INSERT INTO applications (id, matricola, benefit_type, reason, period_from, period_to, status,
      status_since, submitted_at, protocol_number, inps_office_code, hours_requested)
    VALUES ('A1', '5800000001', 'CISOA', 'Intemperie', '2029-01-01', '2030-12-31', 'AUTORIZZATA',
      '2029-01-20', '2029-01-05', 'P1', '0580', 100);
  INSERT INTO application_workers VALUES ('A1', '${WORKER}');`;

async function addPayment(db: Db, id: number, month: string, status: string, deadline: string, note: string) {
  await db.query(
    `INSERT INTO payment_requests (id, application_id, worker_cf, competence_month, status, status_since, method, data_deadline)
     VALUES ($1, 'A1', $2, $3, $4, '2029-06-01', 'bonifico', $5)`,
    [id, WORKER, month, status, deadline],
  );
  await db.query(
    `INSERT INTO payment_status_history (payment_request_id, status, at, note) VALUES ($1, $2, '2029-06-01', $3)`,
    [id, status, note],
  );
}

describe.each(ENGINES)('the payment anomaly kind on $name', (engine) => {
  let db: Db;

  beforeAll(async () => {
    db = await engine.open();
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.name)).toContain(MIGRATION);
    await migrate(
      db,
      migrations.filter((m) => m.name < MIGRATION),
    );
    await db.exec(APPLICATION);
    await addPayment(db, 1, '2029-03-01', 'DATI_ANOMALI', '2029-05-31', 'IBAN non intestato al lavoratore');
    // 31 March 2030 is a Sunday.
    await addPayment(db, 2, '2030-01-01', 'DATI_ANOMALI', '2030-03-31', 'Ore non corrispondenti');
    await addPayment(db, 3, '2030-02-01', 'ATTESA_DATI', '2030-04-30', '');
    expect((await migrate(db)).applied[0]).toBe(MIGRATION);
  });
  afterAll(() => engine.dispose(db));

  it('gives payments already in DATI_ANOMALI the kind their history noted, or a data error', async () => {
    const rows = await db.query<{ id: number; anomaly_kind: string | null }>(
      'SELECT id::int AS id, anomaly_kind FROM payment_requests ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, anomaly_kind: 'iban_not_owned' },
      { id: 2, anomaly_kind: 'other_data' },
      { id: 3, anomaly_kind: null },
    ]);
  });

  it('keeps a kind on DATI_ANOMALI payments and on no others, and only the kinds the shared domain defines', async () => {
    await expect(db.query(`UPDATE payment_requests SET anomaly_kind = NULL WHERE id = 1`)).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      db.query(`UPDATE payment_requests SET anomaly_kind = 'other_data' WHERE id = 3`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(`UPDATE payment_requests SET anomaly_kind = 'iban_scaduto' WHERE id = 1`),
    ).rejects.toThrow(/check constraint/);
    const [constraints] = await db.query<{ all: string }>(
      `SELECT string_agg(pg_get_constraintdef(c.oid), ' ') AS all
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.contype = 'c' AND t.relnamespace = current_schema()::regnamespace AND t.relname = 'payment_requests'`,
    );
    for (const kind of PAYMENT_ANOMALY_KINDS) expect(constraints!.all).toContain(`'${kind}'`);
  });

  it('words each payment by its anomaly kind and benefit type, with the deadline moved off a Sunday', async () => {
    const [claim] = await createClaimsStore(db).claimsForWorker(WORKER);
    const byMonth = new Map(claim!.payments.map((p) => [p.competenceMonth, p]));

    const notOwned = byMonth.get('2029-03')!;
    expect(notOwned.guidance).toMatchObject({ nextActor: 'inps', actBy: null });
    expect(notOwned.guidance.it).toContain('bonifico domiciliato');

    const toCorrect = byMonth.get('2030-01')!;
    expect(toCorrect.dataDeadline).toBe('2030-04-01');
    expect(toCorrect.guidance).toMatchObject({ nextActor: 'employer', actBy: '2030-04-01' });

    const awaited = byMonth.get('2030-02')!;
    expect(awaited.guidance.it).toContain('modello SR43');
    expect(awaited.guidance.it).not.toContain('UniEmens');
  });
});

describe.each(ENGINES)('the demo seed on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.openMigrated();
    await seedDemoData(db, { workers: 300, seed: 7, today: new Date('2026-11-22T10:00:00Z') });
  });
  afterAll(() => engine.dispose(db));

  it('notes every anomaly kind, and pays an IBAN not the worker’s by bonifico domiciliato', async () => {
    const notes = await db.query<{ note: string; methods: string }>(
      `SELECT h.note, string_agg(DISTINCT p.method, ',' ORDER BY p.method) AS methods
       FROM payment_status_history h JOIN payment_requests p ON p.id = h.payment_request_id
       WHERE h.status = 'DATI_ANOMALI' GROUP BY h.note ORDER BY h.note`,
    );
    expect(notes.map((n) => n.note)).toEqual([
      'Codici bancari non validi',
      'Errori nei dati di pagamento',
      'IBAN non intestato al lavoratore',
    ]);
    expect(notes.find((n) => n.note.startsWith('IBAN'))!.methods).toBe('bonifico_domiciliato');
    const pending = await db.query<{ kind: string | null }>(
      `SELECT anomaly_kind AS kind FROM payment_requests WHERE status = 'DATI_ANOMALI'`,
    );
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.kind !== null)).toBe(true);
  });
});
