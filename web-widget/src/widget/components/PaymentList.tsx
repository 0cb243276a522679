import {
  type ClaimSummary,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  type PaymentSummary,
} from '@infocig/shared';
import { formatAmount, formatMonth, type Reader } from '@infocig/shared/client';
import { EstimateNote, GuidanceNote, paymentTone } from '@infocig/shared/ui';
import { useWidget } from '../session/useVisitorSession.ts';

function PaymentItem({ p, headingId, reader }: { p: PaymentSummary; headingId: string; reader: Reader }) {
  const { t, lang } = useWidget();
  return (
    <li className="icw-payment">
      <article aria-labelledby={headingId}>
        <div className="icw-payment-head">
          <h5 id={headingId}>{formatMonth(lang, p.competenceMonth)}</h5>
          <span className={`icw-badge icw-tone-${paymentTone(p.status)}`}>
            {PAYMENT_STATUS_LABELS[p.status][lang]}
          </span>
          {p.amountCents !== null && (
            <span className="icw-num">
              <span className="ic-sr-only">{t.payments.amount}: </span>
              {formatAmount(lang, p.amountCents)}
            </span>
          )}
        </div>
        <p className="ic-muted icw-payment-method">
          {PAYMENT_METHOD_LABELS[p.method][lang]}
          {p.ibanMasked && (
            <>
              {' · '}
              <span className="icw-iban">{p.ibanMasked}</span>
            </>
          )}
        </p>
        <GuidanceNote guidance={p.guidance} lang={lang} reader={reader} />
        {p.estimate && <EstimateNote estimate={p.estimate} lang={lang} of="payment" />}
      </article>
    </li>
  );
}

/** A worker's months under one application, each with what its status means and when money comes. */
export function PaymentList({ claim, reader }: { claim: ClaimSummary; reader: Reader }) {
  const { t } = useWidget();
  if (claim.payments.length === 0) return <p className="ic-muted">{t.payments.none}</p>;
  const labelId = `icw-payments-${claim.applicationId}`;
  return (
    <div className="icw-payments-wrap">
      <p id={labelId} className="ic-label">
        {t.payments.caption(claim.protocolNumber ?? claim.applicationId)}
      </p>
      <ul className="icw-payments" aria-labelledby={labelId}>
        {claim.payments.map((p) => (
          <PaymentItem
            key={p.competenceMonth}
            p={p}
            reader={reader}
            headingId={`icw-payment-${claim.applicationId}-${p.competenceMonth}`}
          />
        ))}
      </ul>
    </div>
  );
}
