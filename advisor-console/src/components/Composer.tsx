import { LIMITS } from '@infocig/shared';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** Enter sends, Shift+Enter starts a new line; the counter shows what is left of the limit. */
/** Drafts survive switching between chats (the composer is keyed by conversation). */
const drafts = new Map<string, string>();

export function Composer({ conversationId }: { conversationId: string }) {
  const { t } = useConsole();
  const { session } = useAdvisorSession();
  const [text, setTextState] = useState(drafts.get(conversationId) ?? '');
  const setText = (value: string) => {
    setTextState(value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
  };
  const max = LIMITS.messageTextMaxChars;

  const submit = () => {
    // Written while offline, a reply waits as pending and goes out on reconnect.
    if (session.send(conversationId, text)) setText('');
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
    <form className="icc-composer" onSubmit={onSubmit}>
      <label htmlFor="icc-composer-text" className="icc-label">
        {t.chat.composerLabel}
      </label>
      <textarea
        id="icc-composer-text"
        className="icc-input"
        rows={3}
        value={text}
        maxLength={max}
        aria-describedby="icc-composer-hint icc-composer-count"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="icc-composer-foot">
        <span id="icc-composer-hint" className="icc-muted icc-hint">
          {t.chat.composerHint}
        </span>
        <span id="icc-composer-count" className="icc-muted icc-hint">
          {t.chat.counter(text.length, max)}
        </span>
        <button type="submit" className="icc-button" disabled={text.trim() === ''}>
          {t.chat.send}
        </button>
      </div>
    </form>
  );
}
