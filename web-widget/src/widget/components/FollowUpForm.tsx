import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

interface Props {
  /** The queued conversation this message replaces (it leaves the queue). */
  instead?: string;
  /** What the conversation it replaces was about, to start from. */
  initialTopic?: string;
  onCancel?: () => void;
}

/** A message for an advisor, answered later in the widget: outside service hours, or instead of waiting. */
export function FollowUpForm({ instead, initialTopic = '', onCancel }: Props) {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const [topic, setTopic] = useState(initialTopic);
  const [text, setText] = useState('');
  const disabled = state.busy || state.connection.kind !== 'connected';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disabled || text.trim() === '') return;
    if (await session.leaveFollowUp(topic, text, instead)) {
      setTopic('');
      setText('');
    }
  };

  return (
    <form className="icw-followup-form" onSubmit={(e) => void submit(e)} aria-labelledby="icw-fu-title">
      <h4 id="icw-fu-title">{t.followUps.formTitle}</h4>
      <label htmlFor="icw-fu-topic" className="ic-label">
        {t.followUps.topicLabel}
      </label>
      <input
        id="icw-fu-topic"
        className="ic-input"
        type="text"
        value={topic}
        maxLength={LIMITS.topicMaxChars}
        onChange={(e) => setTopic(e.target.value)}
      />
      <label htmlFor="icw-fu-text" className="ic-label">
        {t.followUps.textLabel}
      </label>
      <textarea
        id="icw-fu-text"
        className="ic-input"
        rows={4}
        required
        value={text}
        maxLength={LIMITS.messageTextMaxChars}
        aria-describedby="icw-fu-count"
        onChange={(e) => setText(e.target.value)}
      />
      <p id="icw-fu-count" className="ic-muted ic-hint">
        {t.chat.counter(text.length, LIMITS.messageTextMaxChars)}
      </p>
      <div className="icw-actions">
        <button type="submit" className="ic-button" disabled={disabled || text.trim() === ''}>
          {t.followUps.submit}
        </button>
        {onCancel && (
          <button type="button" className="ic-button ic-button-secondary" onClick={onCancel}>
            {t.followUps.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
