import type { ClaimSummary } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import { subjectApplication, subjectFirst } from '../src/session/subject.ts';
import { conversation, ids } from './support/fixtures.ts';

const claim = (applicationId: string): ClaimSummary => ({
  applicationId,
  benefitType: 'CIGO',
  companyName: 'Tessitura Sabauda S.p.A.',
  matricola: '0119902694',
  periodFrom: '2026-03-02',
  periodTo: '2026-04-12',
  status: 'IN_ISTRUTTORIA',
  statusSince: '2026-03-20',
  protocolNumber: null,
  inpsOffice: 'INPS Torino Nord',
  inpsOfficeCode: '0011',
  workersCovered: 32,
  payments: [],
  guidance: { it: 'In esame.', en: 'Under review.', nextActor: 'inps', actBy: null },
  estimate: null,
});

describe('the chat’s subject', () => {
  it('finds the application the visitor named, and puts it first', () => {
    const claims = [claim('a'), claim('b'), claim('c')];
    const c = { ...conversation(ids[0], 'Luca Ferrari'), claims, subject: { applicationId: 'b' } };
    expect(subjectApplication(c)?.applicationId).toBe('b');
    expect(subjectFirst(claims, 'b').map((x) => x.applicationId)).toEqual(['b', 'a', 'c']);
  });

  it('names nothing when the visitor named nothing, or an application not shown', () => {
    const claims = [claim('a'), claim('b')];
    expect(subjectApplication({ claims, subject: {} })).toBeNull();
    expect(subjectApplication({ claims, subject: { applicationId: 'z' } })).toBeNull();
    expect(subjectFirst(claims, null).map((x) => x.applicationId)).toEqual(['a', 'b']);
  });
});
