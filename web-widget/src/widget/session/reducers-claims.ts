import type { ClaimSummary } from '@infocig/shared';
import { announce } from '@infocig/shared/client';
import type { AccessNotice, Company, Push, VisitorState } from './state.ts';

/** Pure state changes for whose claims are shown: the visitor's own, or a company's they act for. */

/** An intermediary sees no claims until they pick one of their delegating companies. */
export const picksCompany = (s: VisitorState) => s.identity?.role === 'consulente';

const isOwner = (s: VisitorState) =>
  s.identity?.role === 'titolare' || s.identity?.role === 'legale_rappresentante';

function withNotice(s: VisitorState, notice: AccessNotice): VisitorState {
  return announce({ ...s, accessNotice: notice }, { kind: 'access-notice', notice });
}

/**
 * The companies from `session:ready` (after identity is set). An owner's own company is
 * preselected; an intermediary keeps their pick while it is still delegated and covered — a pick
 * that is gone from the list lost its delegation while we were away.
 */
export function applyCompanies(s: VisitorState, companies: Company[]): VisitorState {
  if (isOwner(s)) return { ...s, companies, selectedCompanyCf: companies[0]?.cf ?? null };
  if (!picksCompany(s)) return { ...s, companies, selectedCompanyCf: null };
  const picked = s.selectedCompanyCf;
  const next = { ...s, companies };
  if (picked === null || companies.some((c) => c.cf === picked && c.admitted)) return next;
  const name = s.companies.find((c) => c.cf === picked)?.name ?? picked;
  return withNotice({ ...next, selectedCompanyCf: null, claims: null }, { kind: 'company-revoked', name });
}

/** `claims:status` or `claims:get`: the visitor's own claims (an intermediary has none of their own). */
export function applyOwnClaims(s: VisitorState, c: { claims: ClaimSummary[]; asOf: string }): VisitorState {
  if (picksCompany(s)) return { ...s, claimsUnavailable: false };
  return { ...s, claimsUnavailable: false, claims: { list: c.claims, asOf: c.asOf, companyCf: null } };
}

/** `claims:unavailable`: the store is away; the claims follow by themselves (`claims:status`). */
export function applyClaimsUnavailable(s: VisitorState): VisitorState {
  return { ...s, claimsUnavailable: true };
}

/** An intermediary picked a company: its claims are on their way (kept if already shown). */
export function applyCompanyChosen(s: VisitorState, cf: string): VisitorState {
  const keep = s.claims?.companyCf === cf ? s.claims : null;
  return { ...s, selectedCompanyCf: cf, claims: keep, accessNotice: null, commandError: null };
}

/** `claims:company` answered; an answer for a company no longer picked is dropped. */
export function applyCompanyClaims(
  s: VisitorState,
  cf: string,
  c: { claims: ClaimSummary[]; asOf: string },
): VisitorState {
  if (s.selectedCompanyCf !== cf) return s;
  const name = s.companies.find((x) => x.cf === cf)?.name ?? cf;
  const next = { ...s, claims: { list: c.claims, asOf: c.asOf, companyCf: cf } };
  return announce(next, { kind: 'company-claims', name, count: c.claims.length });
}

/**
 * `ACCESS_FORBIDDEN` for a company: its delegation ended meanwhile. It leaves the list (the
 * server lists active delegations only, at the next connection) and its claims leave the screen.
 */
export function applyCompanyRefused(s: VisitorState, cf: string): VisitorState {
  const name = s.companies.find((c) => c.cf === cf)?.name ?? cf;
  const picked = s.selectedCompanyCf === cf;
  const next: VisitorState = {
    ...s,
    busy: false,
    companies: s.companies.filter((c) => c.cf !== cf),
    selectedCompanyCf: picked ? null : s.selectedCompanyCf,
    claims: picked || s.claims?.companyCf === cf ? null : s.claims,
  };
  return withNotice(next, { kind: 'company-revoked', name });
}

/** `chat:request` named an application that is no longer among those shown (the list was read again). */
export function applyApplicationGone(s: VisitorState): VisitorState {
  return withNotice({ ...s, busy: false }, { kind: 'application-gone' });
}

export function dismissNotice(s: VisitorState): VisitorState {
  return s.accessNotice ? { ...s, accessNotice: null } : s;
}

/** The company the claims and the chat are about, if any. */
export function selectedCompany(s: VisitorState): Company | null {
  return s.companies.find((c) => c.cf === s.selectedCompanyCf) ?? null;
}

/**
 * `admission:changed`: the rollout plan changed what this session was told. Admitted now, the
 * claims follow by themselves (`claims:status`); no longer admitted, they are hidden. An
 * intermediary's pick the plan no longer covers is let go, quietly: the delegation still stands.
 * Announced politely either way.
 */
export function applyAdmissionChanged(s: VisitorState, p: Push<'admission:changed'>): VisitorState {
  const was = s.admission?.admitted ?? null;
  let next: VisitorState = { ...s, admission: p.admission, companies: p.companies };
  if (isOwner(s)) next = { ...next, selectedCompanyCf: p.companies[0]?.cf ?? null };
  const picked = next.selectedCompanyCf;
  if (picksCompany(s) && picked !== null && !p.companies.some((c) => c.cf === picked && c.admitted)) {
    next = { ...next, selectedCompanyCf: null, claims: null };
  }
  if (!p.admission.admitted) next = { ...next, claims: null, claimsUnavailable: false };
  if (was === p.admission.admitted) return announce(next, { kind: 'companies-changed' });
  return announce(next, {
    kind: 'admission-changed',
    admitted: p.admission.admitted,
    availableFrom: p.admission.availableFrom,
  });
}
