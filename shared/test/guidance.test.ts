import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  applicationGuidance,
  PAYMENT_STATUSES,
  paymentGuidance,
} from '../src/index.ts';

describe('claim guidance', () => {
  it('explains every application status in both languages and names who acts next', () => {
    for (const status of APPLICATION_STATUSES) {
      const g = applicationGuidance({ status, statusSince: '2026-03-02', inpsOffice: 'Roma Eur' });
      expect(g.it.length).toBeGreaterThan(20);
      expect(g.en.length).toBeGreaterThan(20);
      expect(g.it).not.toBe(g.en);
    }
    expect(
      applicationGuidance({ status: 'IN_ISTRUTTORIA', statusSince: '2026-03-02', inpsOffice: 'Roma Eur' }),
    ).toMatchObject({
      nextActor: 'inps',
      actBy: null,
    });
  });

  it('dates the deadlines the rules set: documents in 15 days, appeals in 30', () => {
    const docs = applicationGuidance({
      status: 'SUPPLEMENTO_ISTRUTTORIO',
      statusSince: '2026-02-20',
      inpsOffice: 'Milano',
    });
    expect(docs).toMatchObject({ nextActor: 'employer', actBy: '2026-03-07' });
    expect(docs.it).toContain('7 marzo 2026');
    expect(docs.en).toContain('7 March 2026');
    const rejected = applicationGuidance({
      status: 'RESPINTA',
      statusSince: '2026-12-15',
      inpsOffice: 'Milano',
    });
    expect(rejected).toMatchObject({ nextActor: 'employer', actBy: '2027-01-14' });
  });

  it("explains every payment status, with the employer's data deadline while it is awaited", () => {
    for (const status of PAYMENT_STATUSES) {
      const g = paymentGuidance({
        status,
        method: 'bonifico',
        paidAt: '2026-04-30',
        dataDeadline: '2026-06-30',
      });
      expect(g.it.length).toBeGreaterThan(5);
      expect(g.en.length).toBeGreaterThan(5);
    }
    expect(
      paymentGuidance({
        status: 'ATTESA_DATI',
        method: 'bonifico',
        paidAt: null,
        dataDeadline: '2026-06-30',
      }),
    ).toMatchObject({
      nextActor: 'employer',
      actBy: '2026-06-30',
    });
    expect(
      paymentGuidance({ status: 'RESTITUITA', method: 'bonifico', paidAt: null, dataDeadline: null })
        .nextActor,
    ).toBe('worker');
    expect(
      paymentGuidance({ status: 'PAGATA', method: 'bonifico', paidAt: '2026-04-30', dataDeadline: null }),
    ).toMatchObject({
      nextActor: 'none',
      it: 'Pagata il 30 aprile 2026.',
    });
    expect(
      paymentGuidance({
        status: 'IN_PAGAMENTO',
        method: 'bonifico_domiciliato',
        paidAt: null,
        dataDeadline: null,
      }).it,
    ).toContain('ufficio postale');
  });
});
