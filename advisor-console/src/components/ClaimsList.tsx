import {
  APPLICATION_STATUS_LABELS,
  BENEFIT_TYPE_LABELS,
  type ClaimSummary,
  PAYMENT_STATUS_LABELS,
  type PaymentSummary,
} from '@infocig/shared';
import { formatAmount, formatDate, formatMonth } from '@infocig/shared/client';
import { applicationTone, paymentTone } from '@infocig/shared/ui';
import { useConsole } from '../session/useAdvisorSession.ts';

function Payment({ p }: { p: PaymentSummary }) {
  const { t, lang } = useConsole();
  const detail = p.paidAt
    ? t.claims.paidOn(formatDate(lang, p.paidAt, 'medium'))
    : p.dataDeadline
      ? t.claims.deadline(formatDate(lang, p.dataDeadline, 'medium'))
      : null;
  return (
    <li className="icc-payment">
      <span className="icc-payment-head">
        <strong>{formatMonth(lang, p.competenceMonth)}</strong>
        <span className={`icc-badge icc-tone-${paymentTone(p.status)}`}>
          {PAYMENT_STATUS_LABELS[p.status][lang]}
        </span>
        <span className="icc-num">
          {p.amountCents === null ? t.claims.notAvailable : formatAmount(lang, p.amountCents)}
        </span>
      </span>
      {(detail || p.ibanMasked) && (
        <span className="icc-muted icc-small icc-block">
          {detail}
          {detail && p.ibanMasked && ' · '}
          {p.ibanMasked && <span className="icc-mono icc-nowrap">{p.ibanMasked}</span>}
        </span>
      )}
    </li>
  );
}

function Claim({ claim }: { claim: ClaimSummary }) {
  const { t, lang } = useConsole();
  const date = (d: string) => formatDate(lang, d, 'medium');
  return (
    <article className="icc-claim">
      <h4>
        {claim.benefitType} · {claim.companyName}
      </h4>
      <p className="icc-muted icc-small">{BENEFIT_TYPE_LABELS[claim.benefitType][lang]}</p>
      <p>
        {t.claims.status}:{' '}
        <span className={`icc-badge icc-tone-${applicationTone(claim.status)}`}>
          {APPLICATION_STATUS_LABELS[claim.status][lang]}
        </span>{' '}
        <span className="icc-muted icc-small">{date(claim.statusSince)}</span>
      </p>
      <dl className="icc-facts icc-facts-compact">
        <dt>{t.claims.period}</dt>
        <dd>{t.claims.periodRange(date(claim.periodFrom), date(claim.periodTo))}</dd>
        <dt>{t.claims.office}</dt>
        <dd>{claim.inpsOffice}</dd>
        <dt>{t.claims.matricola}</dt>
        <dd className="icc-mono">{claim.matricola}</dd>
        <dt>{t.claims.protocol}</dt>
        <dd>{claim.protocolNumber ?? t.claims.notAvailable}</dd>
        <dt>{t.claims.workersCovered}</dt>
        <dd>{claim.workersCovered}</dd>
      </dl>
      {claim.payments.length > 0 && (
        <>
          <p className="icc-label">{t.claims.payments}</p>
          <ul className="icc-payments">
            {claim.payments.map((p) => (
              <Payment key={p.competenceMonth} p={p} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

export function ClaimsList({ claims }: { claims: ClaimSummary[] }) {
  const { t } = useConsole();
  return (
    <section aria-labelledby="icc-claims-title">
      <h3 id="icc-claims-title">{t.claims.title}</h3>
      {claims.length === 0 ? (
        <p className="icc-muted">{t.claims.none}</p>
      ) : (
        claims.map((c) => <Claim key={c.applicationId} claim={c} />)
      )}
    </section>
  );
}
