import { formatDateTime } from '@infocig/shared/client';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { ClaimCard } from './ClaimCard.tsx';

/** Self-service first: the claims and payments, before any offer of a chat. */
export function ClaimsPanel() {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const claims = state.claims;
  return (
    <section className="icw-section" aria-labelledby="icw-claims-title">
      <div className="icw-section-head">
        <h3 id="icw-claims-title">{t.claims.title}</h3>
        {claims && (
          <p className="icw-muted">
            {t.claims.asOf(formatDateTime(lang, claims.asOf))}{' '}
            <button
              type="button"
              className="icw-button icw-button-small icw-button-secondary"
              disabled={state.connection.kind !== 'connected'}
              onClick={() => void session.refreshClaims()}
            >
              {t.claims.refresh}
            </button>
          </p>
        )}
      </div>
      {!claims && state.connection.kind !== 'error' && <p className="icw-muted">{t.claims.loading}</p>}
      {claims?.list.length === 0 && <p>{t.claims.none}</p>}
      {claims && claims.list.length > 0 && (
        <ul className="icw-claims">
          {claims.list.map((claim) => (
            <li key={claim.applicationId}>
              <ClaimCard claim={claim} showPayments={state.identity?.role === 'lavoratore'} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
