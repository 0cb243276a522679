import { APPLICATION_STATUS_LABELS, BENEFIT_TYPE_LABELS, type ClaimSummary } from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';
import { applicationTone } from '@infocig/shared/ui';
import { useWidget } from '../session/useVisitorSession.ts';
import { PaymentsTable } from './PaymentsTable.tsx';

export function ClaimCard({ claim, showPayments }: { claim: ClaimSummary; showPayments: boolean }) {
  const { t, lang } = useWidget();
  const date = (d: string) => formatDate(lang, d, 'long');
  const headingId = `icw-claim-${claim.applicationId}`;
  return (
    <article className="icw-claim" aria-labelledby={headingId}>
      <h4 id={headingId} className="icw-claim-title">
        {BENEFIT_TYPE_LABELS[claim.benefitType][lang]}
        <span className="icw-claim-company">{claim.companyName}</span>
      </h4>
      <p className="icw-claim-status">
        <span className="icw-label">{t.claims.status}:</span>{' '}
        <span className={`icw-badge icw-tone-${applicationTone(claim.status)}`}>
          {APPLICATION_STATUS_LABELS[claim.status][lang]}
        </span>{' '}
        <span className="icw-muted">{t.claims.since(date(claim.statusSince))}</span>
      </p>
      <dl className="icw-facts">
        <div>
          <dt>{t.claims.period}</dt>
          <dd>{t.claims.periodRange(date(claim.periodFrom), date(claim.periodTo))}</dd>
        </div>
        <div>
          <dt>{t.claims.office}</dt>
          <dd>{claim.inpsOffice}</dd>
        </div>
        <div>
          <dt>{t.claims.matricola}</dt>
          <dd>{claim.matricola}</dd>
        </div>
        {claim.protocolNumber && (
          <div>
            <dt>{t.claims.protocol}</dt>
            <dd>{claim.protocolNumber}</dd>
          </div>
        )}
        {!showPayments && (
          <div>
            <dt>{t.claims.workersCovered}</dt>
            <dd>{claim.workersCovered}</dd>
          </div>
        )}
      </dl>
      {showPayments && <PaymentsTable claim={claim} />}
    </article>
  );
}
