import { type AdvisorFollowUp, ROLE_LABELS } from '@infocig/shared';
import { errorText, formatDateTime } from '@infocig/shared/client';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { AnswerForm } from './AnswerForm.tsx';

function FollowUpItem({ f }: { f: AdvisorFollowUp }) {
  const { t, lang } = useConsole();
  const { session } = useAdvisorSession();
  return (
    <article className="icc-followup" aria-labelledby={`icc-fu-${f.id}`}>
      <h3 id={`icc-fu-${f.id}`}>{f.visitor.displayName}</h3>
      <p className="ic-muted icc-small">
        {ROLE_LABELS[f.visitor.role][lang]} · <span className="icc-mono">{f.visitor.codiceFiscale}</span>
        <span className="icc-block">{t.followUps.left(formatDateTime(lang, f.createdAt))}</span>
      </p>
      <p className="ic-strong">{f.topic || t.followUps.noTopic}</p>
      <p className="ic-message-text">{f.text}</p>
      <AnswerForm
        id={f.id}
        label={t.followUps.answer}
        submitLabel={t.followUps.send}
        send={(text) => session.answerFollowUp(f.id, text)}
      />
    </article>
  );
}

/** Messages left by people when no chat was possible; listed only on request (each listing is audited). */
export function FollowUpsPanel() {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const f = state.followUps;
  const offline = state.connection.kind !== 'connected';
  return (
    <section className="icc-followups" aria-labelledby="icc-followups-title">
      <div className="icc-followups-head">
        <h2 id="icc-followups-title">{t.followUps.title}</h2>
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          disabled={offline}
          onClick={() => void session.loadFollowUps()}
        >
          {f ? t.followUps.refresh : t.followUps.load}
        </button>
      </div>
      <p className="ic-muted icc-small">{t.followUps.audited}</p>
      {f?.error && (
        <p className="icc-error" role="alert">
          {t.errorPrefix}: {errorText(t, f.error)} <code>{f.error.code}</code>
        </p>
      )}
      {f && f.list.length === 0 && <p className="ic-muted">{t.followUps.none}</p>}
      {f && f.list.length > 0 && (
        <ul>
          {f.list.map((x) => (
            <li key={x.id}>
              <FollowUpItem f={x} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
