import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

export function RequestForm() {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const [topic, setTopic] = useState('');
  const disabled = state.busy || state.connection.kind !== 'connected';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) void session.requestChat(topic);
  };

  return (
    <form className="icw-request" onSubmit={submit}>
      <p>{t.chat.intro}</p>
      <label htmlFor="icw-topic" className="icw-label">
        {t.chat.topicLabel}
      </label>
      <input
        id="icw-topic"
        className="icw-input"
        type="text"
        value={topic}
        maxLength={LIMITS.topicMaxChars}
        aria-describedby="icw-topic-hint"
        onChange={(e) => setTopic(e.target.value)}
      />
      <p id="icw-topic-hint" className="icw-muted icw-hint">
        {t.chat.topicHint(LIMITS.topicMaxChars)}
      </p>
      <button type="submit" className="icw-button" disabled={disabled}>
        {t.chat.request}
      </button>
    </form>
  );
}
