import {
  APPLICATION_STATUSES,
  buildCodiceFiscale,
  isValidCodiceFiscale,
  isValidIban,
  isValidPartitaIva,
  PAYMENT_STATUSES,
} from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DELEGATING_COMPANIES, DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  type Db,
  type SeedReport,
  StoreNotEmptyError,
  seedDemoData,
  seedIfEmpty,
} from '../../src/store/index.ts';
import { DEMO_WORKERS } from '../../src/store/seed/demo-personas.ts';
import { digestOf } from './digest.ts';
import { ENGINES, openMigrated } from './engines.ts';
import { APPLICATION_NEXT, outOfOrder, PAYMENT_NEXT } from './lifecycle-rules.ts';

/** In the pandemic, so that the COVID-era 40% advance shows up too. */
const OPTIONS = { workers: 400, seed: 42, today: new Date('2021-11-15T12:00:00Z') };

describe.each(ENGINES)('demo seed on $name', (engine) => {
  let db: Db;
  let report: SeedReport;

  beforeAll(async () => {
    db = await openMigrated(engine);
    report = await seedDemoData(db, OPTIONS);
  });
  afterAll(async () => {
    await engine.dispose(db);
  });

  it('reports what it wrote', () => {
    expect(report.today).toBe('2021-11-15');
    expect(report.rows.workers).toBeGreaterThanOrEqual(OPTIONS.workers);
    expect(report.rows.payment_requests).toBeGreaterThan(0);
  });

  it('creates applications in every status and payments in every status', () => {
    expect(Object.keys(report.applicationsByStatus).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(Object.keys(report.paymentsByStatus).sort()).toEqual([...PAYMENT_STATUSES].sort());
  });

  it('gives the demo workers several claims with payments in different states', async () => {
    for (const id of ['worker-rm', 'worker-na'] as const) {
      const cf = DEMO_PERSONAS[id].sub;
      const [worker] = await db.query<{ surname: string; residence_province: string }>(
        'SELECT surname, residence_province FROM workers WHERE cf = $1',
        [cf],
      );
      expect(worker).toMatchObject({
        surname: DEMO_WORKERS[id].surname,
        residence_province: DEMO_PERSONAS[id].province,
      });
      const [{ count }] = (await db.query<{ count: number }>(
        'SELECT count(*) AS count FROM application_workers WHERE worker_cf = $1',
        [cf],
      )) as [{ count: number }];
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(3);
      const statuses = await db.query<{ status: string }>(
        'SELECT DISTINCT status FROM payment_requests WHERE worker_cf = $1',
        [cf],
      );
      expect(statuses.map((s) => s.status)).toContain('PAGATA');
      expect(statuses.length).toBeGreaterThanOrEqual(4);
    }
    const mario = await db.query<{ status: string }>(
      'SELECT status FROM payment_requests WHERE worker_cf = $1',
      [DEMO_PERSONAS['worker-rm'].sub],
    );
    expect(mario.map((p) => p.status)).toEqual(
      expect.arrayContaining(['PAGATA', 'IN_PAGAMENTO', 'ATTESA_DATI']),
    );
  });

  it("records the demo workers' names and birth data as their codici fiscali say", () => {
    for (const id of ['worker-rm', 'worker-na'] as const) {
      const placeCode = DEMO_PERSONAS[id].sub.slice(11, 15);
      expect(buildCodiceFiscale({ ...DEMO_WORKERS[id], placeCode })).toBe(DEMO_PERSONAS[id].sub);
    }
  });

  it("gives the demo employer's company applications at every stage over two positions", async () => {
    const rows = await db.query<{ status: string; matricola: string }>(
      `SELECT a.status, a.matricola FROM applications a
       JOIN company_positions p ON p.matricola = a.matricola WHERE p.company_cf = $1`,
      [DEMO_PERSONAS['employer-mi'].company.cf],
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(APPLICATION_STATUSES));
    expect(new Set(rows.map((r) => r.matricola)).size).toBe(2);
  });

  it('gives the demo consultant two active delegations and one revoked', async () => {
    const rows = await db.query<{ company_cf: string; active: boolean }>(
      `SELECT company_cf, revoked_at IS NULL AS active FROM delegations WHERE intermediary_cf = $1`,
      [DEMO_PERSONAS['consultant-to'].sub],
    );
    expect(rows.filter((r) => r.active).map((r) => r.company_cf)).toEqual(
      expect.arrayContaining(DEMO_DELEGATING_COMPANIES.map((c) => c.cf)),
    );
    expect(rows.filter((r) => r.active)).toHaveLength(2);
    expect(rows.filter((r) => !r.active)).toHaveLength(1);
  });

  it('makes only valid codici fiscali, partite IVA and IBANs', async () => {
    const workers = await db.query<{ cf: string; iban: string | null }>('SELECT cf, iban FROM workers');
    expect(workers.filter((w) => !isValidCodiceFiscale(w.cf))).toEqual([]);
    expect(workers.filter((w) => w.iban !== null && !isValidIban(w.iban))).toEqual([]);
    expect(workers.filter((w) => w.iban !== null).length).toBeGreaterThan(workers.length * 0.8);

    const intermediaries = await db.query<{ cf: string }>('SELECT cf FROM intermediaries');
    const invalid = intermediaries.filter((i) =>
      i.cf.length === 16 ? !isValidCodiceFiscale(i.cf) : !isValidPartitaIva(i.cf),
    );
    expect(invalid).toEqual([]);

    const companies = await db.query<{ cf: string }>('SELECT cf FROM companies');
    expect(companies.filter((c) => !isValidPartitaIva(c.cf))).toEqual([]);

    const paymentIbans = await db.query<{ iban: string }>(
      'SELECT DISTINCT iban FROM payment_requests WHERE iban IS NOT NULL',
    );
    expect(paymentIbans.length).toBeGreaterThan(0);
    expect(paymentIbans.filter((p) => !isValidIban(p.iban))).toEqual([]);
  });

  it('gives companies one to three INPS positions and spreads people over many provinces', async () => {
    const positions = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM company_positions GROUP BY company_cf',
    );
    expect(positions.every((p) => p.n >= 1 && p.n <= 3)).toBe(true);
    const [spread] = await db.query<{ provinces: number; seats: number }>(
      `SELECT (SELECT count(DISTINCT residence_province) FROM workers) AS provinces,
              (SELECT count(DISTINCT legal_seat_province) FROM companies) AS seats`,
    );
    expect(spread!.provinces).toBeGreaterThan(20);
    expect(spread!.seats).toBeGreaterThan(5);
  });

  it('writes application histories in lifecycle order, ending in the current status', async () => {
    const history = await db.query<{
      owner: string;
      status: (typeof APPLICATION_STATUSES)[number];
      at: Date;
    }>(
      'SELECT application_id AS owner, status, at FROM application_status_history ORDER BY application_id, at, id',
    );
    expect(outOfOrder(history, APPLICATION_NEXT)).toEqual([]);
    const mismatched = await db.query(
      `SELECT a.id FROM applications a
       JOIN LATERAL (SELECT status, at FROM application_status_history h
                     WHERE h.application_id = a.id ORDER BY at DESC, id DESC LIMIT 1) last ON true
       WHERE last.status <> a.status OR last.at <> a.status_since
          OR a.submitted_at <> (SELECT min(at) FROM application_status_history h WHERE h.application_id = a.id)`,
    );
    expect(mismatched).toEqual([]);
  });

  it('writes payment histories in lifecycle order, ending in the current status', async () => {
    const history = await db.query<{ owner: string; status: (typeof PAYMENT_STATUSES)[number]; at: Date }>(
      'SELECT payment_request_id::text AS owner, status, at FROM payment_status_history ORDER BY payment_request_id, at, id',
    );
    expect(outOfOrder(history, PAYMENT_NEXT)).toEqual([]);
    const mismatched = await db.query(
      `SELECT p.id FROM payment_requests p
       JOIN LATERAL (SELECT status, at FROM payment_status_history h
                     WHERE h.payment_request_id = p.id ORDER BY at DESC, id DESC LIMIT 1) last ON true
       WHERE last.status <> p.status OR last.at <> p.status_since`,
    );
    expect(mismatched).toEqual([]);
  });

  it('pays only covered workers under authorised applications, after the authorisation', async () => {
    const wrong = await db.query(
      `SELECT p.id FROM payment_requests p
       JOIN applications a ON a.id = p.application_id
       LEFT JOIN application_workers aw ON aw.application_id = p.application_id AND aw.worker_cf = p.worker_cf
       WHERE a.status NOT IN ('AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE')
          OR aw.worker_cf IS NULL
          OR p.competence_month < date_trunc('month', a.period_from)
          OR p.competence_month > a.period_to
          OR (SELECT min(at) FROM payment_status_history h WHERE h.payment_request_id = p.id) < a.status_since`,
    );
    expect(wrong).toEqual([]);
  });

  it('sets the data deadline no earlier than the end of the second month after the CIG month', async () => {
    const wrong = await db.query(
      `SELECT id FROM payment_requests
       WHERE data_deadline < (competence_month + interval '3 months' - interval '1 day')::date
          OR (status = 'DECADUTA' AND status_since::date <= data_deadline)
          OR (status = 'PAGATA') <> (paid_at IS NOT NULL)`,
    );
    expect(wrong).toEqual([]);
  });

  it('makes the same data from the same seed, and different data from another', async () => {
    const again = await openMigrated(engine);
    const other = await openMigrated(engine);
    try {
      await seedDemoData(again, OPTIONS);
      await seedDemoData(other, { ...OPTIONS, seed: 43 });
      const digest = await digestOf(db);
      expect(await digestOf(again)).toEqual(digest);
      expect((await digestOf(other)).workers).not.toBe(digest.workers);
    } finally {
      await engine.dispose(again);
      await engine.dispose(other);
    }
  });

  it('refuses to seed a store that has data, and seedIfEmpty leaves it alone', async () => {
    await expect(seedDemoData(db, OPTIONS)).rejects.toBeInstanceOf(StoreNotEmptyError);
    expect(await seedIfEmpty(db, OPTIONS)).toBeNull();
  });
});
