import { BENEFIT_TYPE_LABELS, type Referral, ROLE_LABELS } from '@infocig/shared';
import { errorText, formatDateTime } from '@infocig/shared/client';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { AnswerForm } from './AnswerForm.tsx';

function ReferralItem({ r }: { r: Referral }) {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const benefit = r.claim.benefitType
    ? BENEFIT_TYPE_LABELS[r.claim.benefitType][lang]
    : r.claim.applicationId;
  return (
    <article className="icc-followup" aria-labelledby={`icc-ref-${r.id}`}>
      <h3 id={`icc-ref-${r.id}`}>{r.visitor.displayName}</h3>
      <p className="ic-muted icc-small">
        {ROLE_LABELS[r.visitor.role][lang]} · <span className="icc-mono">{r.visitor.codiceFiscale}</span>
        <span className="icc-block">
          {t.referrals.application(benefit, r.claim.protocolNumber ?? t.referrals.noProtocol)}
          {r.claim.companyName && ` · ${r.claim.companyName}`}
        </span>
        <span className="icc-block">{t.referrals.opened(r.openedBy, formatDateTime(lang, r.createdAt))}</span>
        {r.overdue && <strong className="icc-block">{t.referrals.overdue}</strong>}
      </p>
      <p className="ic-strong">{r.topic || t.followUps.noTopic}</p>
      <p className="ic-message-text">{r.text}</p>
      {r.status === 'open' && (
        <button
          type="button"
          className="ic-button ic-button-small"
          disabled={state.busy || state.connection.kind !== 'connected'}
          onClick={() => void session.referrals.take(r.id)}
        >
          {t.referrals.take}
        </button>
      )}
      {r.status === 'taken' && !r.takenByYou && (
        <p className="ic-muted">{t.referrals.takenBy(r.takenBy ?? '')}</p>
      )}
      {r.status === 'taken' && r.takenByYou && (
        <AnswerForm
          id={r.id}
          label={t.referrals.answer}
          submitLabel={t.referrals.send}
          send={(text) => session.referrals.answer(r.id, text)}
        />
      )}
    </article>
  );
}

/** For staff of an INPS office: its unanswered referrals, listed on request (each listing is audited). */
export function ReferralsPanel() {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  if (!state.office) return null;
  const r = state.referrals;
  return (
    <section className="icc-followups" aria-labelledby="icc-referrals-title">
      <div className="icc-followups-head">
        <h2 id="icc-referrals-title">{t.referrals.panelTitle(state.office.name)}</h2>
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          disabled={state.connection.kind !== 'connected'}
          onClick={() => void session.referrals.load()}
        >
          {r ? t.referrals.refresh : t.referrals.load}
        </button>
      </div>
      <p className="ic-muted icc-small">{t.referrals.audited}</p>
      {r?.error && (
        <p className="icc-error" role="alert">
          {t.errorPrefix}: {errorText(t, r.error)} <code>{r.error.code}</code>
        </p>
      )}
      {r && r.list.length === 0 && <p className="ic-muted">{t.referrals.none}</p>}
      {r && r.list.length > 0 && (
        <ul>
          {r.list.map((x) => (
            <li key={x.id}>
              <ReferralItem r={x} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
