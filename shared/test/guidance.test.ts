import { describe, expect, it } from 'vitest';
import { nextStep } from '../src/client/claim-answers.ts';
import {
  APPLICATION_STATUSES,
  applicationGuidance,
  BENEFIT_TYPE_LABELS,
  BENEFIT_TYPES,
  benefitTypeInText,
  PAYMENT_STATUSES,
  paymentGuidance,
} from '../src/index.ts';

describe('claim guidance', () => {
  it('explains every application status in both languages and names who acts next', () => {
    for (const status of APPLICATION_STATUSES) {
      const g = applicationGuidance({
        status,
        statusSince: '2026-03-02',
        inpsOffice: 'Roma Eur',
        benefitType: 'CIGO',
        today: '2026-03-02',
      });
      expect(g.it.length).toBeGreaterThan(20);
      expect(g.en.length).toBeGreaterThan(20);
      expect(g.it).not.toBe(g.en);
    }
    expect(
      applicationGuidance({
        status: 'IN_ISTRUTTORIA',
        statusSince: '2026-03-02',
        inpsOffice: 'Roma Eur',
        benefitType: 'CIGO',
        today: '2026-03-02',
      }),
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
      benefitType: 'CIGO',
      today: '2026-02-20',
    });
    expect(docs).toMatchObject({ nextActor: 'employer', actBy: '2026-03-07' });
    expect(docs.it).toContain('7 marzo 2026');
    expect(docs.en).toContain('7 March 2026');
    const rejected = applicationGuidance({
      status: 'RESPINTA',
      statusSince: '2026-12-15',
      inpsOffice: 'Milano',
      benefitType: 'CIGO',
      today: '2026-12-15',
    });
    expect(rejected).toMatchObject({ nextActor: 'employer', actBy: '2027-01-14' });
  });

  it("explains every payment status, with the employer's data deadline while it is awaited", () => {
    for (const status of PAYMENT_STATUSES) {
      const g = paymentGuidance({
        status,
        method: 'bonifico',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: '2026-04-30',
        dataDeadline: '2026-06-30',
        today: '2026-04-01',
      });
      expect(g.it.length).toBeGreaterThan(5);
      expect(g.en.length).toBeGreaterThan(5);
    }
    expect(
      paymentGuidance({
        status: 'ATTESA_DATI',
        method: 'bonifico',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: null,
        dataDeadline: '2026-06-30',
        today: '2026-06-01',
      }),
    ).toMatchObject({
      nextActor: 'employer',
      actBy: '2026-06-30',
    });
    expect(
      paymentGuidance({
        status: 'RESTITUITA',
        method: 'bonifico',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: null,
        dataDeadline: null,
        today: '2026-06-01',
      }).nextActor,
    ).toBe('worker');
    expect(
      paymentGuidance({
        status: 'PAGATA',
        method: 'bonifico',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: '2026-04-30',
        dataDeadline: null,
        today: '2026-06-01',
      }),
    ).toMatchObject({
      nextActor: 'none',
      it: 'Pagata il 30 aprile 2026.',
    });
    expect(
      paymentGuidance({
        status: 'IN_PAGAMENTO',
        method: 'bonifico_domiciliato',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: null,
        dataDeadline: null,
        today: '2026-06-01',
      }).it,
    ).toContain('ufficio postale');
  });
});

describe('deadlines in the past are shown as past, never as the next action', () => {
  // Rejected on 16 March 2026: the appeal is due by 15 April 2026.
  const rejected = (today: string) =>
    applicationGuidance({
      status: 'RESPINTA',
      statusSince: '2026-03-16',
      inpsOffice: 'Milano',
      benefitType: 'CIGO',
      today,
    });

  it('words an appeal deadline still open as the next action, up to and including its day', () => {
    for (const today of ['2026-03-16', '2026-04-15']) {
      const g = rejected(today);
      expect(g).toMatchObject({ nextActor: 'employer', actBy: '2026-04-15' });
      expect(g.it).toContain('può presentare ricorso entro il 15 aprile 2026');
      expect(g.en).toContain('may appeal by 15 April 2026');
    }
  });

  it('words an appeal deadline gone by as passed, in both languages, with nobody to act', () => {
    for (const today of ['2026-04-16', '2026-12-07']) {
      const g = rejected(today);
      expect(g).toMatchObject({ nextActor: 'none', actBy: null });
      expect(g.it).toContain('il termine per il ricorso è scaduto il 15 aprile 2026');
      expect(g.en).toContain('the deadline to appeal passed on 15 April 2026');
      expect(g.it).not.toContain('entro');
      expect(g.en).not.toMatch(/\bby 15 April/);
      const step = nextStep('it', g, 'employer');
      expect(step.by).toBeNull();
      expect(step.actor).toBeNull();
      expect(nextStep('en', g, 'staff').by).toBeNull();
    }
  });

  it('words a documents deadline gone by as passed: the office decides, nobody is due a date', () => {
    const before = applicationGuidance({
      status: 'SUPPLEMENTO_ISTRUTTORIO',
      statusSince: '2026-02-20',
      inpsOffice: 'Milano',
      benefitType: 'CIGO',
      today: '2026-03-07',
    });
    expect(before).toMatchObject({ nextActor: 'employer', actBy: '2026-03-07' });
    const after = applicationGuidance({
      status: 'SUPPLEMENTO_ISTRUTTORIO',
      statusSince: '2026-02-20',
      inpsOffice: 'Milano',
      benefitType: 'CIGO',
      today: '2026-03-08',
    });
    expect(after).toMatchObject({ nextActor: 'inps', actBy: null });
    expect(after.it).toContain('è scaduto il 7 marzo 2026');
    expect(after.en).toContain('passed on 7 March 2026');
  });

  it("words the employer's data deadline gone by as passed, for a payment awaited or advanced", () => {
    for (const status of ['ATTESA_DATI', 'ANTICIPO_PAGATO'] as const) {
      const facts = {
        status,
        method: 'bonifico',
        benefitType: 'CIGO',
        competenceMonth: '2026-04',
        anomaly: null,
        paidAt: null,
        dataDeadline: '2026-06-30',
      } as const;
      const open = paymentGuidance({ ...facts, today: '2026-06-30' });
      expect(open.actBy).toBe('2026-06-30');
      const past = paymentGuidance({ ...facts, today: '2026-07-01' });
      expect(past).toMatchObject({ nextActor: 'employer', actBy: null });
      expect(past.it).toContain('è scaduto il 30 giugno 2026');
      expect(past.en).toContain('passed on 30 June 2026');
      expect(past.it).not.toContain('entro');
      expect(nextStep('it', past, 'worker').by).toBeNull();
    }
  });
});

describe('benefit types in words', () => {
  it('has a human label in Italian and English for every benefit type, never the code', () => {
    for (const type of BENEFIT_TYPES) {
      const label = BENEFIT_TYPE_LABELS[type];
      for (const lang of ['it', 'en'] as const) {
        expect(label[lang].trim().length).toBeGreaterThan(0);
        expect(label[lang]).not.toBe(type);
        expect(label[lang]).not.toContain(type);
        expect(benefitTypeInText(type, lang)).not.toContain(type);
      }
      expect(label.it).not.toBe(label.en);
    }
    expect(benefitTypeInText('CIGO', 'it')).toBe('cassa integrazione ordinaria');
    expect(benefitTypeInText('AIS_FIS', 'en')).toBe('wage supplementation allowance (FIS fund)');
  });

  it('puts no raw code in any guidance text, whatever the status, date or language', () => {
    const codes = new RegExp(`\\b(${BENEFIT_TYPES.join('|')})\\b`);
    for (const today of ['2026-01-01', '2027-06-01']) {
      for (const status of APPLICATION_STATUSES) {
        const g = applicationGuidance({
          status,
          statusSince: '2026-03-02',
          inpsOffice: 'Roma Eur',
          benefitType: 'CIGO',
          today,
        });
        expect(g.it).not.toMatch(codes);
        expect(g.en).not.toMatch(codes);
      }
      for (const status of PAYMENT_STATUSES) {
        const g = paymentGuidance({
          status,
          method: 'bonifico',
          benefitType: 'CIGO',
          competenceMonth: '2026-04',
          anomaly: null,
          paidAt: null,
          dataDeadline: '2026-06-30',
          today,
        });
        expect(g.it).not.toMatch(codes);
        expect(g.en).not.toMatch(codes);
      }
    }
  });
});
