import { type ClaimSummary, ClaimSummarySchema } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DELEGATING_COMPANIES, DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { type ClaimsStore, createClaimsStore, type Db, seedDemoData } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from './engines.ts';

const MARIO = DEMO_PERSONAS['worker-rm'].sub;
const EMPLOYER_CF = DEMO_PERSONAS['employer-mi'].company.cf;
const CONSULTANT = DEMO_PERSONAS['consultant-to'].sub;
const MASKED_IBAN = /^IT\*\* \*{4} \*{4} \*{4} \*{4} \*{3}[0-9A-Z] [0-9A-Z]{3}$/;

describe.each(ENGINES)('claims store on $name', (engine) => {
  let db: Db;
  let store: ClaimsStore;

  beforeAll(async () => {
    db = await openMigrated(engine);
    store = createClaimsStore(db);
  });
  afterAll(async () => {
    await engine.dispose(db);
  });

  it('is empty until seeded, and answers a ping', async () => {
    await store.ping();
    expect(await store.isEmpty()).toBe(true);
    await seedDemoData(db, { workers: 300, seed: 7, today: new Date('2026-11-22T10:00:00Z') });
    expect(await store.isEmpty()).toBe(false);
  });

  it('gives a worker their claims, newest first, with only their own payments', async () => {
    const claims = await store.claimsForWorker(MARIO);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(ClaimSummarySchema.parse(claim)).toEqual(claim);

    const expectedOrder = await db.query<{ id: string }>(
      `SELECT a.id FROM applications a JOIN application_workers aw ON aw.application_id = a.id
       WHERE aw.worker_cf = $1 ORDER BY a.submitted_at DESC`,
      [MARIO],
    );
    expect(claims.map((c) => c.applicationId)).toEqual(expectedOrder.map((r) => r.id));

    const [own] = await db.query<{ count: number }>(
      'SELECT count(*) AS count FROM payment_requests WHERE worker_cf = $1',
      [MARIO],
    );
    expect(claims.flatMap((c) => c.payments)).toHaveLength(own!.count);
    const coveredWithOthers = claims.find((c) => c.workersCovered > 1 && c.payments.length > 0);
    expect(coveredWithOthers).toBeDefined();

    for (const claim of claims) {
      const months = claim.payments.map((p) => p.competenceMonth);
      expect(months).toEqual([...months].sort().reverse());
    }
    const statuses = claims.flatMap((c) => c.payments.map((p) => p.status));
    expect(statuses).toEqual(expect.arrayContaining(['PAGATA', 'IN_PAGAMENTO', 'ATTESA_DATI']));
  });

  it('answers workers asking at once (one gathered statement) exactly as each alone', async () => {
    const workers = (
      await db.query<{ cf: string }>(
        'SELECT DISTINCT worker_cf AS cf FROM application_workers ORDER BY 1 LIMIT 40',
      )
    ).map((r) => r.cf);
    const alone: ClaimSummary[][] = [];
    for (const cf of workers) alone.push(await store.claimsForWorker(cf));
    // Asked together, with one worker twice and one unknown: each gets only their own claims.
    const asked = [...workers, workers[0]!, 'RSSMRA80A01H501U'];
    const together = await Promise.all(asked.map((cf) => store.claimsForWorker(cf)));
    expect(together.slice(0, workers.length)).toEqual(alone);
    expect(together[workers.length]).toEqual(alone[0]);
    expect(together[workers.length]).not.toBe(together[0]);
    expect(together.at(-1)).toEqual([]);
    expect(alone.filter((claims) => claims.length > 0).length).toBe(workers.length);
  });

  it('shows IBANs masked, the data deadline only while data is awaited, the payment date once paid', async () => {
    const [worker] = await db.query<{ iban: string }>('SELECT iban FROM workers WHERE cf = $1', [MARIO]);
    const payments = (await store.claimsForWorker(MARIO)).flatMap((c) => c.payments);
    const withIban = payments.filter((p) => p.ibanMasked !== null);
    expect(withIban.length).toBeGreaterThan(0);
    for (const payment of withIban) {
      expect(payment.ibanMasked).toMatch(MASKED_IBAN);
      expect(payment.ibanMasked!.replaceAll(' ', '').slice(-4)).toBe(worker!.iban.slice(-4));
    }
    for (const payment of payments) {
      expect(payment.dataDeadline !== null).toBe(
        ['ATTESA_DATI', 'ANTICIPO_PAGATO', 'DATI_ANOMALI'].includes(payment.status),
      );
      expect(payment.paidAt !== null).toBe(payment.status === 'PAGATA');
    }
  });

  it('gives a worker without claims, or an unknown one, nothing', async () => {
    await db.query(
      `INSERT INTO workers (cf, surname, first_name, birth_date, sex, residence_province)
       VALUES ('VRDLGU90A01H501X', 'Verdi', 'Luigi', '1990-01-01', 'M', 'RM')`,
    );
    expect(await store.claimsForWorker('VRDLGU90A01H501X')).toEqual([]);
    expect(await store.claimsForWorker('ZZZZZZ00A00Z000Z')).toEqual([]);
  });

  it("gives a company the applications of all its positions and no one else's, without payments", async () => {
    const claims = await store.claimsForCompany(EMPLOYER_CF);
    for (const claim of claims) expect(ClaimSummarySchema.parse(claim)).toEqual(claim);
    const positions = await db.query<{ matricola: string }>(
      'SELECT matricola FROM company_positions WHERE company_cf = $1',
      [EMPLOYER_CF],
    );
    expect(new Set(claims.map((c) => c.matricola))).toEqual(new Set(positions.map((p) => p.matricola)));
    expect(claims).toHaveLength(7);
    expect(
      claims.every(
        (c) => c.payments.length === 0 && c.companyName === DEMO_PERSONAS['employer-mi'].company.name,
      ),
    ).toBe(true);

    const covered = await db.query<{ application_id: string; count: number }>(
      `SELECT application_id, count(*) AS count FROM application_workers
       WHERE application_id = ANY($1) GROUP BY application_id`,
      [claims.map((c) => c.applicationId)],
    );
    const coveredById = new Map(covered.map((r) => [r.application_id, r.count]));
    for (const claim of claims) expect(claim.workersCovered).toBe(coveredById.get(claim.applicationId));
  });

  it('keeps the count of covered workers as rows are added, moved and removed, in bulk too', async () => {
    const [a, b] = await db.query<{ id: string }>('SELECT id FROM applications ORDER BY id LIMIT 2');
    const newcomers = await db.query<{ cf: string }>(
      `SELECT cf FROM workers WHERE cf NOT IN (SELECT worker_cf FROM application_workers WHERE application_id = ANY($1))
       ORDER BY cf LIMIT 3`,
      [[a!.id, b!.id]],
    );
    expect(newcomers).toHaveLength(3);
    const cfs = newcomers.map((w) => w.cf);
    const covered = async (tx: Db) => {
      const rows = await tx.query<{ id: string; workers_covered: number; counted: number }>(
        `SELECT id, workers_covered,
           (SELECT count(*) FROM application_workers w WHERE w.application_id = a.id) AS counted
         FROM applications a WHERE id = ANY($1) ORDER BY id`,
        [[a!.id, b!.id]],
      );
      for (const r of rows) expect(r.workers_covered, r.id).toBe(r.counted);
      return rows.map((r) => r.workers_covered);
    };
    const undo = new Error('roll back');
    await expect(
      db.transaction(async (tx) => {
        const [beforeA, beforeB] = await covered(tx);
        await tx.query(
          'INSERT INTO application_workers (application_id, worker_cf) SELECT $1, unnest($2::text[])',
          [a!.id, cfs],
        );
        expect(await covered(tx)).toEqual([beforeA! + 3, beforeB]);
        await tx.query(
          'UPDATE application_workers SET application_id = $2 WHERE application_id = $1 AND worker_cf = ANY($3)',
          [a!.id, b!.id, cfs.slice(0, 2)],
        );
        expect(await covered(tx)).toEqual([beforeA! + 1, beforeB! + 2]);
        await tx.query(
          'DELETE FROM application_workers WHERE application_id = ANY($1) AND worker_cf = ANY($2)',
          [[a!.id, b!.id], cfs],
        );
        expect(await covered(tx)).toEqual([beforeA, beforeB]);
        throw undo;
      }),
    ).rejects.toBe(undo);
  });

  it('covers every position of a company with several of them', async () => {
    const [company] = await db.query<{ company_cf: string; matricole: number }>(
      `SELECT p.company_cf, count(DISTINCT p.matricola) AS matricole
       FROM company_positions p JOIN applications a ON a.matricola = p.matricola
       WHERE p.company_cf <> $1
       GROUP BY p.company_cf HAVING count(DISTINCT p.matricola) > 1 LIMIT 1`,
      [EMPLOYER_CF],
    );
    expect(company).toBeDefined();
    const claims = await store.claimsForCompany(company!.company_cf);
    expect(new Set(claims.map((c) => c.matricola)).size).toBe(company!.matricole);
    const [{ count }] = (await db.query<{ count: number }>(
      `SELECT count(*) AS count FROM applications a JOIN company_positions p ON p.matricola = a.matricola
       WHERE p.company_cf = $1`,
      [company!.company_cf],
    )) as [{ count: number }];
    expect(claims).toHaveLength(count);
  });

  it('finds a company by its codice fiscale', async () => {
    expect(await store.company(EMPLOYER_CF)).toEqual({
      cf: EMPLOYER_CF,
      name: DEMO_PERSONAS['employer-mi'].company.name,
      province: 'MI',
    });
    expect(await store.company('99999999999')).toBeNull();
  });

  it("lists an intermediary's actively delegated companies, not the revoked ones", async () => {
    const companies = await store.delegatedCompanies(CONSULTANT);
    expect(companies).toEqual(
      [...DEMO_DELEGATING_COMPANIES]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ cf, name, province }) => ({ cf, name, province })),
    );
    const [revoked] = await db.query<{ company_cf: string }>(
      'SELECT company_cf FROM delegations WHERE intermediary_cf = $1 AND revoked_at IS NOT NULL',
      [CONSULTANT],
    );
    expect(companies.map((c) => c.cf)).not.toContain(revoked!.company_cf);
    expect(await store.delegatedCompanies('NSSNNN00A01H501X')).toEqual([]);
  });
});
