import {
  type ClaimSummary,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  type PaymentSummary,
} from '@infocig/shared';
import { formatAmount, formatDate, formatMonth } from '@infocig/shared/client';
import { paymentTone } from '@infocig/shared/ui';
import { useWidget } from '../session/useVisitorSession.ts';

function WhenCell({ payment }: { payment: PaymentSummary }) {
  const { t, lang } = useWidget();
  if (payment.paidAt) return <>{t.payments.paidOn(formatDate(lang, payment.paidAt, 'long'))}</>;
  if (payment.dataDeadline) return <>{t.payments.deadline(formatDate(lang, payment.dataDeadline, 'long'))}</>;
  return <>{t.payments.notAvailable}</>;
}

export function PaymentsTable({ claim }: { claim: ClaimSummary }) {
  const { t, lang } = useWidget();
  if (claim.payments.length === 0) return <p className="icw-muted">{t.payments.none}</p>;
  const caption = t.payments.caption(claim.protocolNumber ?? claim.applicationId);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: on narrow screens the table scrolls; keyboards must reach it
    <section className="icw-table-wrap" aria-label={caption} tabIndex={0}>
      <table className="icw-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.payments.month}</th>
            <th scope="col">{t.payments.status}</th>
            <th scope="col">{t.payments.amount}</th>
            <th scope="col">{t.payments.method}</th>
            <th scope="col">{t.payments.when}</th>
          </tr>
        </thead>
        <tbody>
          {claim.payments.map((p) => (
            <tr key={p.competenceMonth}>
              <th scope="row">{formatMonth(lang, p.competenceMonth)}</th>
              <td>
                <span className={`icw-badge icw-tone-${paymentTone(p.status)}`}>
                  {PAYMENT_STATUS_LABELS[p.status][lang]}
                </span>
              </td>
              <td className="icw-num">
                {p.amountCents === null ? t.payments.notAvailable : formatAmount(lang, p.amountCents)}
              </td>
              <td>
                {PAYMENT_METHOD_LABELS[p.method][lang]}
                {p.ibanMasked && <span className="icw-iban">{p.ibanMasked}</span>}
              </td>
              <td>
                <WhenCell payment={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
