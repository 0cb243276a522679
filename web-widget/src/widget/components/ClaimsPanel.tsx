import { formatDateTime, readerOf } from '@infocig/shared/client';
import { selectedCompany } from '../session/reducers-claims.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { AccessNoticeView } from './AccessNoticeView.tsx';
import { ClaimCard } from './ClaimCard.tsx';
import { CompanyPicker } from './CompanyPicker.tsx';

/** Self-service first: the claims and payments, before any offer of a chat. */
export function ClaimsPanel() {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const reader = readerOf(state.identity?.role ?? 'lavoratore');
  const picking = reader === 'intermediary';
  const company = picking ? selectedCompany(state) : null;
  const claims = state.claims;
  const unavailable = !claims && state.claimsUnavailable;
  const waiting =
    !claims && !unavailable && state.connection.kind !== 'error' && (!picking || company !== null);
  return (
    <section className="icw-section" aria-labelledby="icw-claims-title">
      <div className="icw-section-head">
        <h3 id="icw-claims-title">{t.claimsTitle[reader === 'staff' ? 'worker' : reader]}</h3>
        {claims && (
          <p className="ic-muted">
            {t.claims.asOf(formatDateTime(lang, claims.asOf))}{' '}
            <button
              type="button"
              className="ic-button ic-button-small ic-button-secondary"
              disabled={state.connection.kind !== 'connected'}
              onClick={() => void session.claims.refresh()}
            >
              {t.claims.refresh}
            </button>
          </p>
        )}
      </div>
      {picking && <CompanyPicker />}
      <AccessNoticeView kind="company-revoked" />
      {picking && !company && state.companies.length > 0 && <p>{t.companies.chooseFirst}</p>}
      {company && <p className="ic-strong icw-claims-of">{t.companies.claimsOf(company.name)}</p>}
      {waiting && <p className="ic-muted">{t.claims.loading}</p>}
      {unavailable && (
        <p className="ic-muted" role="status">
          {t.claims.unavailable}
        </p>
      )}
      {claims?.list.length === 0 && <p>{claims.companyCf ? t.companies.noClaims : t.claims.none}</p>}
      {claims && claims.list.length > 0 && (
        <ul className="icw-claims">
          {claims.list.map((claim) => (
            <li key={claim.applicationId}>
              <ClaimCard claim={claim} reader={reader} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
