import { describe, expect, it } from 'vitest';
import { applyReady } from '../src/widget/session/reducers.ts';
import {
  applyAdmissionChanged,
  applyApplicationGone,
  applyClaimsUnavailable,
  applyCompanyChosen,
  applyCompanyClaims,
  applyCompanyRefused,
  applyOwnClaims,
  dismissNotice,
  selectedCompany,
} from '../src/widget/session/reducers-claims.ts';
import {
  applyAccessLog,
  applyAccessLogFailed,
  applyAccessLogLoading,
} from '../src/widget/session/reducers-privacy.ts';
import type { VisitorState } from '../src/widget/session/state.ts';
import {
  claim,
  consultantState,
  kinds,
  LOGISTICA,
  ready,
  readyState,
  TESSITURA,
} from './support/fixtures.ts';

const asOf = '2026-11-22T09:00:00.000Z';

describe('widget state: whose claims are shown', () => {
  it('says the claims are unavailable while the store is away, until they arrive', () => {
    const away = applyClaimsUnavailable(readyState());
    expect(away.claimsUnavailable).toBe(true);
    expect(away.claims).toBeNull();
    const back = applyOwnClaims(away, { claims: [claim()], asOf });
    expect(back.claimsUnavailable).toBe(false);
    expect(back.claims?.list).toEqual([claim()]);
  });

  it('shows a worker their own claims, and an owner their company preselected', () => {
    const worker = applyOwnClaims(readyState(), { claims: [claim()], asOf });
    expect(worker.claims).toEqual({ list: [claim()], asOf, companyCf: null });
    expect(worker.selectedCompanyCf).toBeNull();

    const own = {
      cf: '01234560157',
      name: 'Officine Meccaniche Lombarde S.r.l.',
      province: 'MI',
      admitted: true,
    };
    const owner = readyState({
      identity: { role: 'titolare', displayName: 'Giulia Bianchi', companyName: own.name },
      companies: [own],
    });
    expect(owner.selectedCompanyCf).toBe(own.cf);
    expect(selectedCompany(owner)).toEqual(own);
  });

  it('shows an intermediary nothing until they pick a company, then that company’s claims', () => {
    let s = applyOwnClaims(consultantState(), { claims: [], asOf });
    expect(s.claims).toBeNull();
    expect(s.selectedCompanyCf).toBeNull();

    s = applyCompanyChosen(s, TESSITURA.cf);
    expect(s.selectedCompanyCf).toBe(TESSITURA.cf);
    expect(s.claims).toBeNull();
    s = applyCompanyClaims(s, TESSITURA.cf, { claims: [claim()], asOf });
    expect(s.claims).toEqual({ list: [claim()], asOf, companyCf: TESSITURA.cf });
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'company-claims',
      name: TESSITURA.name,
      count: 1,
    });
  });

  it('drops an answer for a company no longer picked, and keeps claims already shown when re-picked', () => {
    let s = applyCompanyChosen(consultantState(), TESSITURA.cf);
    s = applyCompanyChosen(s, LOGISTICA.cf);
    const late = applyCompanyClaims(s, TESSITURA.cf, { claims: [claim()], asOf });
    expect(late).toBe(s);
    s = applyCompanyClaims(s, LOGISTICA.cf, { claims: [claim({ applicationId: 'app-2' })], asOf });
    const again = applyCompanyChosen(s, LOGISTICA.cf);
    expect(again.claims?.list[0]?.applicationId).toBe('app-2');
  });

  it('a refused company leaves the list, its claims leave the screen, and the reason is said', () => {
    let s = applyCompanyChosen(consultantState(), LOGISTICA.cf);
    s = applyCompanyClaims(s, LOGISTICA.cf, { claims: [claim()], asOf });
    s = applyCompanyRefused({ ...s, busy: true }, LOGISTICA.cf);
    expect(s.companies).toEqual([TESSITURA]);
    expect(s.selectedCompanyCf).toBeNull();
    expect(s.claims).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.accessNotice).toEqual({ kind: 'company-revoked', name: LOGISTICA.name });
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'access-notice',
      notice: { kind: 'company-revoked', name: LOGISTICA.name },
    });
    expect(dismissNotice(s).accessNotice).toBeNull();
    // Picking another company clears the notice.
    expect(applyCompanyChosen(s, TESSITURA.cf).accessNotice).toBeNull();
  });

  it('after a reconnect, keeps the pick while it is delegated, and says so when it is gone', () => {
    const picked: VisitorState = {
      ...applyCompanyChosen(consultantState(), LOGISTICA.cf),
      connection: { kind: 'reconnecting', attempt: 1, lastError: null },
    };
    const consultant = consultantState().identity!;
    const kept = applyReady(picked, ready({ identity: consultant, companies: [LOGISTICA, TESSITURA] }));
    expect(kept.selectedCompanyCf).toBe(LOGISTICA.cf);
    expect(kept.accessNotice).toBeNull();

    const gone = applyReady(picked, ready({ identity: consultant, companies: [TESSITURA] }));
    expect(gone.selectedCompanyCf).toBeNull();
    expect(gone.accessNotice).toEqual({ kind: 'company-revoked', name: LOGISTICA.name });
    expect(kinds(gone)).toEqual(['access-notice', 'connection-restored']);

    const uncovered = applyReady(
      picked,
      ready({ identity: consultant, companies: [{ ...LOGISTICA, admitted: false }] }),
    );
    expect(uncovered.selectedCompanyCf).toBeNull();
  });

  it('an application no longer among the visitor’s is said plainly', () => {
    const s = applyApplicationGone({ ...readyState(), busy: true });
    expect(s.busy).toBe(false);
    expect(s.accessNotice).toEqual({ kind: 'application-gone' });
  });
});

describe('widget state: who has seen my data', () => {
  it('loads on request, and keeps the last list when a reload fails', () => {
    let s = applyAccessLogLoading(readyState());
    expect(s.accessLog).toEqual({ entries: null, loading: true, error: null });
    const entry = {
      at: '2026-11-22T15:01:00.000Z',
      actorName: 'Paolo Romano',
      actorRole: 'advisor',
      what: 'claims,transcript',
      purpose: 'assigned chat',
      outcome: 'granted' as const,
    };
    s = applyAccessLog(s, [entry]);
    expect(s.accessLog).toEqual({ entries: [entry], loading: false, error: null });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'access-log', count: 1 });
    s = applyAccessLogFailed(applyAccessLogLoading(s), { code: 'ACK_TIMEOUT', message: '' });
    expect(s.accessLog).toEqual({
      entries: [entry],
      loading: false,
      error: { code: 'ACK_TIMEOUT', message: '' },
    });
  });
});

describe('widget state: a rollout change reaches an open widget', () => {
  const notYet = { admitted: false, availableFrom: '2027-03-01' };

  it('hides a worker’s claims when the service leaves, shows them again when it is back, and says so', () => {
    const shown = applyOwnClaims(readyState(), { claims: [claim()], asOf });
    const gone = applyAdmissionChanged(shown, { admission: notYet, companies: [] });
    expect(gone.admission).toEqual(notYet);
    expect(gone.claims).toBeNull();
    expect(gone.announcements.at(-1)?.event).toEqual({
      kind: 'admission-changed',
      admitted: false,
      availableFrom: '2027-03-01',
    });
    const back = applyAdmissionChanged(gone, {
      admission: { admitted: true, availableFrom: null },
      companies: [],
    });
    expect(back.admission?.admitted).toBe(true);
    expect(back.announcements.at(-1)?.event).toMatchObject({ kind: 'admission-changed', admitted: true });
    // The claims follow by themselves.
    expect(applyOwnClaims(back, { claims: [claim()], asOf }).claims?.list).toHaveLength(1);
  });

  it('lets an intermediary’s pick go quietly when the plan no longer covers it, with its date', () => {
    let s = applyCompanyChosen(consultantState(), TESSITURA.cf);
    s = applyCompanyClaims(s, TESSITURA.cf, { claims: [claim()], asOf });
    const tessituraLater = { ...TESSITURA, admitted: false, availableFrom: '2027-03-01' };
    const next = applyAdmissionChanged(s, {
      admission: { admitted: true, availableFrom: null },
      companies: [LOGISTICA, tessituraLater],
    });
    expect(next.companies).toEqual([LOGISTICA, tessituraLater]);
    expect(next.selectedCompanyCf).toBeNull();
    expect(next.claims).toBeNull();
    expect(next.accessNotice).toBeNull();
    expect(kinds(next).at(-1)).toBe('companies-changed');
    // A pick still covered stays, with its claims.
    const kept = applyAdmissionChanged(s, {
      admission: { admitted: true, availableFrom: null },
      companies: [{ ...LOGISTICA, admitted: false, availableFrom: null }, TESSITURA],
    });
    expect(kept.selectedCompanyCf).toBe(TESSITURA.cf);
    expect(kept.claims?.list).toHaveLength(1);
  });
});
