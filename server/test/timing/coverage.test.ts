import type { BenefitType, PaymentStatus } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, seedDemoData } from '../../src/store/index.ts';
import { createPaymentTiming, type EstimateRequest } from '../../src/timing/payment-timing.ts';
import { pglite } from '../store/engines.ts';

const TODAY = new Date('2026-11-01T12:00:00Z');
/** The estimates are made as of this day, from what had been paid before it; later payments are held out. */
const AS_OF = new Date('2026-06-01T12:00:00Z');
let db: Db;

/** A payment's estimate request at an office no case comes from, unless told otherwise. */
const paymentAt = (
  status: PaymentStatus,
  stageSince: string,
  asOf: Date,
  more: Partial<EstimateRequest> = {},
): EstimateRequest => ({
  stage: { kind: 'payment', status },
  stageSince,
  benefitType: 'CISOA',
  officeCode: '0000',
  officeName: 'Nessuna',
  asOf,
  ...more,
});

beforeAll(async () => {
  db = await pglite.openMigrated();
  await seedDemoData(db, { workers: 3000, seed: 11, today: TODAY });
}, 120_000);
afterAll(() => db.close());

interface HeldOut {
  status: PaymentStatus;
  stage_since: string;
  paid_on: string;
  benefit_type: BenefitType;
  office_code: string;
  office_name: string;
}

/** The estimate the chat would have given on AS_OF for a held-out payment. */
const heldOutRequest = (p: HeldOut) =>
  paymentAt(p.status, p.stage_since, AS_OF, {
    benefitType: p.benefit_type,
    officeCode: p.office_code,
    officeName: p.office_name,
  });

/** Payments paid after AS_OF, with the stage each was in on AS_OF and since when. */
function heldOut(): Promise<HeldOut[]> {
  return db.query<HeldOut>(
    `SELECT DISTINCT ON (pr.id) h.status, to_char(h.at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS stage_since,
            to_char(pr.paid_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS paid_on,
            a.benefit_type, a.inps_office_code AS office_code, o.name AS office_name
     FROM payment_requests pr
     JOIN applications a ON a.id = pr.application_id
     JOIN inps_offices o ON o.code = a.inps_office_code
     JOIN payment_status_history h ON h.payment_request_id = pr.id AND h.at <= $1
     WHERE pr.paid_at > $1
     ORDER BY pr.id, h.at DESC`,
    [AS_OF],
  );
}

describe('payment timing estimates', () => {
  it('hold about 80% of the actual payment dates in their 80% window, on held-out history', async () => {
    const timing = createPaymentTiming(db);
    const cases = await heldOut();
    let inside = 0;
    let estimated = 0;
    const byConfidence: Record<string, number> = {};
    for (const c of cases) {
      const estimate = await timing.estimate(heldOutRequest(c));
      if (!estimate) continue;
      estimated++;
      byConfidence[estimate.confidence] = (byConfidence[estimate.confidence] ?? 0) + 1;
      if (estimate.from <= c.paid_on && c.paid_on <= estimate.to) inside++;
    }
    const coverage = inside / estimated;
    console.info(
      `payment timing: ${inside} of ${estimated} held-out payments fell inside their 80% window: coverage ${(coverage * 100).toFixed(1)}% ` +
        `(by confidence: ${JSON.stringify(byConfidence)})`,
    );
    expect(estimated).toBeGreaterThan(300);
    expect(coverage).toBeGreaterThan(0.75);
    expect(coverage).toBeLessThan(0.85);
  }, 120_000);

  it('says what each estimate is based on, and falls back to published averages when history is thin', async () => {
    const timing = createPaymentTiming(db);
    const thin = await timing.estimate(
      paymentAt('DATI_RICEVUTI', '2021-01-04', new Date('2021-01-05T12:00:00Z')),
    );
    expect(thin).toMatchObject({ confidence: 'low', sampleSize: 0, from: '2021-01-08', to: '2021-01-15' });
    expect(thin?.basis.it).toMatch(/pubblicati da INPS/);
    const paid = await timing.estimate(paymentAt('PAGATA', '2026-05-01', AS_OF));
    expect(paid).toBeNull();
  });

  it('reads the history once, ahead of the first person when warmed at start', async () => {
    let reads = 0;
    const counted: Db = {
      ...db,
      query: (sql, params, options) => {
        reads++;
        return db.query(sql, params, options);
      },
    };
    const timing = createPaymentTiming(counted);
    await timing.warm(AS_OF);
    const readsToWarm = reads;
    expect(readsToWarm).toBeGreaterThan(0);
    const answer = await timing.estimate(
      paymentAt('DATI_RICEVUTI', '2026-05-25', AS_OF, { benefitType: 'CIGO' }),
    );
    expect(answer).not.toBeNull();
    expect(reads).toBe(readsToWarm);
  });

  it('states the share the window holds, and a rough guide stays open as long again past the averages', async () => {
    const timing = createPaymentTiming(db);
    const rows = await heldOut();
    const shares = new Set<number | undefined>();
    for (const r of rows.slice(0, 200)) {
      const e = await timing.estimate(heldOutRequest(r));
      if (e && e.confidence !== 'low') shares.add(e.share);
      if (e?.confidence === 'low') expect(e.share).toBeUndefined();
    }
    expect([...shares].every((s) => s === 8 || s === 9)).toBe(true);
    expect(shares.has(8)).toBe(true);
    // 100 days waiting for payment data, past the published 14–75: as much as that range again ahead.
    const overdue = await timing.estimate(
      paymentAt('ATTESA_DATI', '2021-01-04', new Date('2021-04-14T12:00:00Z')),
    );
    expect(overdue).toMatchObject({ confidence: 'low', from: '2021-04-14', to: '2021-06-14' });
  });
});
