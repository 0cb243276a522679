import { BENEFIT_TYPE_LABELS, BENEFIT_TYPES } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import { accessPurpose, accessRole, accessWhat } from '../src/widget/i18n/access-words.ts';
import { applicationLabel } from '../src/widget/i18n/application-label.ts';
import { TEXTS } from '../src/widget/i18n/index.ts';
import { claim } from './support/fixtures.ts';

describe('the access log in words', () => {
  it('words the audit’s codes where known, and gives unknown ones as they came', () => {
    expect(accessWhat(TEXTS.it, 'claims,transcript')).toBe('pratiche e pagamenti, conversazione');
    expect(accessWhat(TEXTS.en, 'claims, transcript')).toBe('claims and payments, conversation');
    expect(accessWhat(TEXTS.it, 'iban')).toBe('iban');
    expect(accessPurpose(TEXTS.it, 'assigned chat')).toBe('chat assegnata');
    expect(accessPurpose(TEXTS.it, 'audit check')).toBe('audit check');
    expect(accessRole('it', 'advisor')).toBe('Consulente esperto INPS');
    expect(accessRole('en', 'supervisor')).toBe('Supervisor');
    expect(accessRole('it', 'auditor')).toBe('auditor');
  });
});

describe('applications in the pre-chat form', () => {
  it('tells applications apart by type, period, status and protocol', () => {
    expect(applicationLabel('it', claim())).toBe(
      'Cassa integrazione ordinaria · dal 2 mar 2026 al 12 apr 2026 · In istruttoria · prot. INPS.0011.09/03/2026.0345214',
    );
    expect(applicationLabel('en', claim({ protocolNumber: null, status: 'AUTORIZZATA' }))).toBe(
      'Ordinary wage supplementation · 2 Mar 2026 to 12 Apr 2026 · Authorised',
    );
  });

  it('names every benefit type in words, in both languages, never by its raw code', () => {
    for (const benefitType of BENEFIT_TYPES) {
      for (const lang of ['it', 'en'] as const) {
        const label = applicationLabel(lang, claim({ benefitType, protocolNumber: null }));
        expect(label.startsWith(`${BENEFIT_TYPE_LABELS[benefitType][lang]} · `)).toBe(true);
        expect(label).not.toMatch(new RegExp(`\\b(${BENEFIT_TYPES.join('|')})\\b`));
      }
    }
  });
});
