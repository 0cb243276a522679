import { PAYMENT_STATUS_LABELS, type PaymentSummary } from '@infocig/shared';
import { formatAmount, formatDate, formatMonth } from '@infocig/shared/client';
import { EstimateNote, GuidanceNote, paymentTone } from '@infocig/shared/ui';
import { useConsole } from '../session/useAdvisorSession.ts';

/** One month of a worker's payments: status, amount, what it means, who acts, when it is likely to come. */
export function ClaimPayment({ p }: { p: PaymentSummary }) {
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
        <span className="ic-muted icc-small icc-block">
          {detail}
          {detail && p.ibanMasked && ' · '}
          {p.ibanMasked && <span className="icc-mono icc-nowrap">{p.ibanMasked}</span>}
        </span>
      )}
      <GuidanceNote guidance={p.guidance} lang={lang} reader="staff" />
      {p.estimate && <EstimateNote estimate={p.estimate} lang={lang} of="payment" />}
    </li>
  );
}
