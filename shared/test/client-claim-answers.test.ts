import { describe, expect, it } from 'vitest';
import {
  claimEstimateOf,
  confidenceText,
  confidenceWord,
  estimateText,
  nextStep,
  nextStepText,
  readerOf,
  typicalText,
  windowMeaning,
} from '../src/client/claim-answers.ts';
import type { Guidance } from '../src/guidance/index.ts';
import type { PaymentEstimate } from '../src/protocol/index.ts';

const guidance = (over: Partial<Guidance>): Guidance => ({
  it: 'INPS attende i dati.',
  en: 'INPS is waiting for the data.',
  nextActor: 'employer',
  actBy: null,
  ...over,
});

const estimate = (from: string, to: string): PaymentEstimate => ({
  from,
  to,
  confidence: 'medium',
  sampleSize: 46,
  basis: { it: 'Tempi di 46 casi', en: 'Times of 46 cases' },
});

describe('who acts next, worded for the reader', () => {
  it('speaks to a worker as "tu", to an owner about "la tua azienda", to an advisor in the third person', () => {
    expect(readerOf('lavoratore')).toBe('worker');
    expect(readerOf('legale_rappresentante')).toBe('employer');
    expect(readerOf('consulente')).toBe('intermediary');
    expect(readerOf('advisor')).toBe('staff');
    expect(nextStepText('it', guidance({ nextActor: 'worker' }), 'worker')).toBe('Chi deve agire ora: tu');
    expect(nextStepText('it', guidance({ nextActor: 'employer' }), 'worker')).toBe(
      'Chi deve agire ora: il datore di lavoro',
    );
    expect(nextStepText('it', guidance({ nextActor: 'employer' }), 'employer')).toBe(
      'Chi deve agire ora: la tua azienda',
    );
    expect(nextStepText('it', guidance({ nextActor: 'worker' }), 'staff')).toBe(
      'Chi deve agire ora: il lavoratore',
    );
    expect(nextStepText('it', guidance({ nextActor: 'inps' }), 'intermediary')).toBe(
      'Chi deve agire ora: INPS',
    );
    expect(nextStepText('en', guidance({ nextActor: 'worker' }), 'worker')).toBe('Who acts next: you');
  });

  it('adds the date a rule sets, without a time zone shift', () => {
    const g = guidance({ actBy: '2026-12-31' });
    expect(nextStepText('it', g, 'worker')).toBe(
      'Chi deve agire ora: il datore di lavoro, entro il 31 dicembre 2026',
    );
    expect(nextStepText('en', g, 'worker')).toBe('Who acts next: the employer, by 31 December 2026');
    expect(nextStep('it', guidance({ actBy: '2026-01-01' }), 'worker').by).toBe('entro il 1 gennaio 2026');
  });

  it('names nobody when nothing is to be done', () => {
    expect(nextStep('it', guidance({ nextActor: 'none' }), 'worker')).toEqual({
      label: 'Nessuna azione necessaria',
      actor: null,
      by: null,
    });
    expect(nextStepText('en', guidance({ nextActor: 'none' }), 'worker')).toBe('No action needed');
  });
});

describe('payment estimates in words', () => {
  it('says the window once, leaving out of its start what its end repeats', () => {
    expect(estimateText('it', estimate('2026-12-03', '2026-12-19'), 'payment')).toBe(
      'Pagamento previsto tra il 3 e il 19 dicembre 2026',
    );
    expect(estimateText('it', estimate('2026-11-28', '2026-12-09'), 'payment')).toBe(
      'Pagamento previsto tra il 28 novembre e il 9 dicembre 2026',
    );
    expect(estimateText('it', estimate('2026-12-28', '2027-01-09'), 'first-payment')).toBe(
      'Primo pagamento previsto tra il 28 dicembre 2026 e il 9 gennaio 2027',
    );
    expect(estimateText('en', estimate('2026-12-03', '2026-12-19'), 'payment')).toBe(
      'Payment expected between 3 and 19 December 2026',
    );
    expect(estimateText('it', estimate('2026-12-03', '2026-12-03'), 'payment')).toBe(
      'Pagamento previsto il 3 dicembre 2026',
    );
  });

  it('gives the confidence in words', () => {
    expect(confidenceWord('it', 'high')).toBe('alta');
    expect(confidenceWord('it', 'low')).toBe('bassa');
    expect(confidenceText('it', 'medium')).toBe('Affidabilità della stima: media');
    expect(confidenceText('en', 'high')).toBe('How sure the estimate is: high');
  });

  it('calls an application’s estimate its first payment only while it is undecided', () => {
    expect(claimEstimateOf('IN_ISTRUTTORIA')).toBe('first-payment');
    expect(claimEstimateOf('SUPPLEMENTO_ISTRUTTORIO')).toBe('first-payment');
    expect(claimEstimateOf('AUTORIZZATA')).toBe('payment');
    expect(claimEstimateOf('AUTORIZZATA_PARZIALMENTE')).toBe('payment');
  });
});

describe('what the window promises, as far as the data supports', () => {
  it('promises about 8 in 10 only where recent similar cases stand behind it', () => {
    expect(windowMeaning('it', { confidence: 'high' })).toBe(
      'Circa 8 casi simili su 10 sono stati pagati entro questo intervallo di date.',
    );
    expect(windowMeaning('en', { confidence: 'medium' })).toBe(
      'About 8 in 10 similar cases were paid within this range of dates.',
    );
    // The share the server states, where whole days make the window hold more.
    expect(windowMeaning('it', { confidence: 'high', share: 9 })).toBe(
      'Circa 9 casi simili su 10 sono stati pagati entro questo intervallo di date.',
    );
    for (const lang of ['it', 'en'] as const) {
      const rough = windowMeaning(lang, { confidence: 'low', share: 9 });
      expect(rough).not.toMatch(/9/);
      expect(rough).not.toMatch(/8/);
      expect(rough).toMatch(
        lang === 'it' ? /indicazione di massima.*tempi medi pubblicati/ : /rough guide.*INPS publishes/,
      );
    }
  });

  it('says how long it usually takes from this stage, from the same cases as the window', () => {
    expect(typicalText('it', { confidence: 'high', typicalDays: 9 })).toBe(
      'Nei casi simili recenti, da questa fase al pagamento sono passati di solito circa 9 giorni.',
    );
    expect(typicalText('en', { confidence: 'medium', typicalDays: 1 })).toBe(
      'In recent similar cases, the payment usually came about 1 day after this stage began.',
    );
    expect(typicalText('it', { confidence: 'low', typicalDays: 7 })).toBe(
      'Secondo i tempi medi pubblicati, da questa fase al pagamento passano di solito circa 7 giorni.',
    );
    expect(typicalText('it', { confidence: 'high' })).toBeNull();
  });
});
