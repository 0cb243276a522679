import { LIMITS } from '@infocig/shared';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

/** Enter sends, Shift+Enter starts a new line; the counter shows what is left of the limit. */
export function Composer() {
  const { t } = useWidget();
  const { session } = useVisitorSession();
  const [text, setText] = useState('');
  const max = LIMITS.messageTextMaxChars;

  const submit = () => {
    // Also while queued (the advisor reads it on pickup) or offline (sent on reconnect).
    if (session.send(text)) setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="icw-composer" onSubmit={onSubmit}>
      <label htmlFor="icw-composer-text" className="icw-label">
        {t.chat.composerLabel}
      </label>
      <textarea
        id="icw-composer-text"
        className="icw-input"
        rows={3}
        value={text}
        maxLength={max}
        aria-describedby="icw-composer-hint icw-composer-count"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="icw-composer-foot">
        <span id="icw-composer-hint" className="icw-muted icw-hint">
          {t.chat.composerHint}
        </span>
        <span id="icw-composer-count" className="icw-muted icw-hint">
          {t.chat.counter(text.length, max)}
        </span>
        <button type="submit" className="icw-button" disabled={text.trim() === ''}>
          {t.chat.send}
        </button>
      </div>
    </form>
  );
}
