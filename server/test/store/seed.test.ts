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
import { publishedFigures, SEGMENTS, segmentOf } from '../../src/figures/published-figures.ts';
import { visitorKeyOf } from '../../src/people/visitor-key.ts';
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

  describe('a year of use of the service before today, for the published figures', () => {
    /** The year up to the day before OPTIONS.today. */
    const YEAR = { from: '2020-11-15', to: '2021-11-14' };

    it('visits of both audiences and every user category in each month, none from today on', async () => {
      const months = await db.query<{ month: string; audiences: number; roles: number; outcomes: number }>(
        `SELECT to_char(day, 'YYYY-MM') AS month, count(DISTINCT audience)::int AS audiences,
                count(DISTINCT role)::int AS roles, count(DISTINCT outcome)::int AS outcomes
         FROM interactions GROUP BY month ORDER BY month`,
      );
      expect(months.map((m) => m.month)).toEqual([
        '2020-11',
        '2020-12',
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2021-${m}`),
      ]);
      expect(months.filter((m) => m.audiences !== 2 || m.roles !== 4 || m.outcomes !== 3)).toEqual([]);
      const [range] = await db.query<{ first: string; last: string; days: number; rows: number }>(
        `SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last,
                count(DISTINCT day)::int AS days, count(*)::int AS rows FROM interactions`,
      );
      expect(range).toMatchObject({ first: YEAR.from, last: YEAR.to });
      expect(range!.days).toBeGreaterThan(350);
      expect(report.rows.interactions).toBe(range!.rows);
    });

    it('a few visits a day at the weekend, more on working days, the most in a crisis month', async () => {
      const [week] = await db.query<{ working: number; weekend: number; busiest: number }>(
        `SELECT avg(n) FILTER (WHERE extract(isodow FROM day) < 6)::float AS working,
                avg(n) FILTER (WHERE extract(isodow FROM day) >= 6)::float AS weekend, max(n)::int AS busiest
         FROM (SELECT day, count(*) AS n FROM interactions GROUP BY day) d`,
      );
      expect(week!.weekend).toBeGreaterThanOrEqual(1);
      expect(week!.weekend).toBeLessThan(8);
      expect(week!.working).toBeGreaterThan(2 * week!.weekend);
      expect(week!.working).toBeLessThan(40);
      expect(week!.busiest).toBeLessThan(100);
      const { total } = await publishedFigures(db, YEAR.from, YEAR.to);
      const whole = total.perMonth.slice(1, -1).map((m) => m.interactions);
      const median = [...whole].sort((a, b) => a - b)[Math.floor(whole.length / 2)]!;
      expect(total.peakMonth!.interactions).toBeGreaterThan(1.6 * median);
      expect(total.distinctPeople).toBeLessThan(total.requests);
    });

    it('chats with a wait and a later first response, visits started in office hours, Italian time', async () => {
      const wrong = await db.query(
        `SELECT id FROM interactions
         WHERE (outcome = 'chat') <> (wait_seconds IS NOT NULL AND first_response_seconds IS NOT NULL)
            OR wait_seconds < 0 OR first_response_seconds < wait_seconds OR wait_seconds > 3600
            OR (started_at AT TIME ZONE 'Europe/Rome')::date <> day
            OR extract(hour FROM started_at AT TIME ZONE 'Europe/Rome') NOT BETWEEN 8 AND 19
            OR audience <> CASE role WHEN 'lavoratore' THEN 'workers' ELSE 'employers' END`,
      );
      expect(wrong).toEqual([]);
    });

    it('people by pseudonymous keys, never their codici fiscali', async () => {
      const keys = await db.query<{ person_key: string }>('SELECT DISTINCT person_key FROM interactions');
      expect(keys.filter((k) => !/^[\w-]{22}$/.test(k.person_key))).toEqual([]);
      expect(keys.filter((k) => isValidCodiceFiscale(k.person_key.slice(0, 16)))).toEqual([]);
      // Nor the keys the service makes of real people's: those of the seeded workers and personas.
      const workers = await db.query<{ cf: string }>('SELECT cf FROM workers');
      const people = [...workers.map((w) => w.cf), ...Object.values(DEMO_PERSONAS).map((p) => p.sub)];
      const theirs = new Set(people.flatMap((cf) => [cf, visitorKeyOf(cf)]));
      expect(keys.filter((k) => theirs.has(k.person_key))).toEqual([]);
    });

    it('the follow-ups opened each day, as many as visits ended in one, and answered later', async () => {
      const figures = await publishedFigures(db, YEAR.from, YEAR.to);
      for (const segment of SEGMENTS) {
        const { requests, settledOnlineShare, followUps } = segmentOf(figures, segment);
        expect(followUps.opened, segment).toBe(Math.round(requests * (1 - settledOnlineShare!)));
        expect(followUps.answered, segment).toBeLessThanOrEqual(followUps.opened);
        expect(followUps.answered, segment).toBeGreaterThan(followUps.opened * 0.9);
      }
      const [later] = await db.query<{ opened: number }>(
        `SELECT coalesce(sum(opened), 0)::int AS opened FROM follow_up_counts WHERE day >= '2021-11-15'`,
      );
      expect(later!.opened).toBe(0);
    });
  });

  it('makes the same data from the same seed, and different data from another', async () => {
    const again = await openMigrated(engine);
    const other = await openMigrated(engine);
    try {
      await seedDemoData(again, OPTIONS);
      await seedDemoData(other, { ...OPTIONS, seed: 43 });
      const digest = await digestOf(db);
      expect(await digestOf(again)).toEqual(digest);
      const others = await digestOf(other);
      expect(others.workers).not.toBe(digest.workers);
      expect(others.interactions).not.toBe(digest.interactions);
      expect(others.follow_up_counts).not.toBe(digest.follow_up_counts);
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
