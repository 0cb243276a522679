import type { FollowUp } from '@infocig/shared';
import { formatDateTime } from '@infocig/shared/client';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function FollowUpItem({ f }: { f: FollowUp }) {
  const { t, lang } = useWidget();
  const answered = f.status === 'answered';
  return (
    <article className="icw-followup" aria-labelledby={`icw-followup-${f.id}`}>
      <h4 id={`icw-followup-${f.id}`}>{f.topic || t.followUps.noTopic}</h4>
      <p>
        <span className={`icw-badge icw-tone-${answered ? 'ok' : 'info'}`}>
          {t.followUps.status[f.status]}
        </span>{' '}
        <span className="ic-muted">{t.followUps.sentOn(formatDateTime(lang, f.createdAt))}</span>
      </p>
      {f.kind === 'referral' && f.office && <p className="ic-muted">{t.followUps.referredTo(f.office)}</p>}
      <p className="ic-message-text">{f.text}</p>
      {answered && f.answer && (
        <div className="icw-answer">
          <p className="ic-strong">
            {t.followUps.answerBy(f.answeredBy ?? '', f.answeredAt ? formatDateTime(lang, f.answeredAt) : '')}
          </p>
          <p className="ic-message-text">{f.answer}</p>
        </div>
      )}
    </article>
  );
}

/** The visitor's messages left for an advisor, newest first, with the answers that came. */
export function FollowUpList() {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  if (state.followUps.length === 0) return null;
  return (
    <section className="icw-section" aria-labelledby="icw-followups-title">
      <div className="icw-section-head">
        <h3 id="icw-followups-title">{t.followUps.listTitle}</h3>
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          disabled={state.connection.kind !== 'connected'}
          onClick={() => void session.refreshFollowUps()}
        >
          {t.followUps.refresh}
        </button>
      </div>
      <ul className="icw-followups">
        {state.followUps.map((f) => (
          <li key={f.id}>
            <FollowUpItem f={f} />
          </li>
        ))}
      </ul>
    </section>
  );
}
