import { APPLICATION_STATUS_LABELS, BENEFIT_TYPE_LABELS, type ClaimSummary } from '@infocig/shared';
import { claimEstimateOf, formatDate, type Reader } from '@infocig/shared/client';
import { applicationTone, EstimateNote, GuidanceNote } from '@infocig/shared/ui';
import { useWidget } from '../session/useVisitorSession.ts';
import { PaymentList } from './PaymentList.tsx';

/** One application: its status and what it means, who acts next, when money is likely; a worker's months. */
export function ClaimCard({ claim, reader }: { claim: ClaimSummary; reader: Reader }) {
  const { t, lang } = useWidget();
  const date = (d: string) => formatDate(lang, d, 'long');
  const headingId = `icw-claim-${claim.applicationId}`;
  const showPayments = reader === 'worker';
  return (
    <article className="icw-claim" aria-labelledby={headingId}>
      <h4 id={headingId} className="icw-claim-title">
        {BENEFIT_TYPE_LABELS[claim.benefitType][lang]}
        <span className="icw-claim-company">{claim.companyName}</span>
      </h4>
      <p className="icw-claim-status">
        <span className="ic-label">{t.claims.status}:</span>{' '}
        <span className={`icw-badge icw-tone-${applicationTone(claim.status)}`}>
          {APPLICATION_STATUS_LABELS[claim.status][lang]}
        </span>{' '}
        <span className="ic-muted">{t.claims.since(date(claim.statusSince))}</span>
      </p>
      <GuidanceNote guidance={claim.guidance} lang={lang} reader={reader} />
      {claim.estimate && (
        <EstimateNote estimate={claim.estimate} lang={lang} of={claimEstimateOf(claim.status)} />
      )}
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
      {showPayments && <PaymentList claim={claim} reader={reader} />}
    </article>
  );
}
