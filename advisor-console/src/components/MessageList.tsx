import { useEffect, useRef } from 'react';
import { errorText, formatTime } from '../i18n/index.ts';
import type { UiMessage } from '../session/messages.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

function Delivery({ message }: { message: UiMessage }) {
  const { t } = useConsole();
  const { session } = useAdvisorSession();
  if (message.delivery === 'pending') return <span className="icc-muted"> · {t.chat.pending}</span>;
  if (message.delivery === 'failed') {
    return (
      <span className="icc-error-text">
        {' '}
        · {t.chat.failed}
        {message.error ? ` (${errorText(t, message.error)})` : ''}{' '}
        <button
          type="button"
          className="icc-button icc-button-small icc-button-secondary"
          onClick={() => session.resend(message.conversationId, message.clientMessageId)}
        >
          {t.chat.resend}
        </button>
      </span>
    );
  }
  return null;
}

/** Not a live region itself: arrivals are read out once, by `LiveRegion`. */
export function MessageList({ messages }: { messages: UiMessage[] }) {
  const { t, lang } = useConsole();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  if (messages.length === 0) return <p className="icc-muted">{t.chat.noMessages}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <ol ref={listRef} className="icc-messages" aria-label={t.chat.messages} tabIndex={0}>
      {messages.map((m) => {
        const own = m.author === 'advisor';
        return (
          <li key={m.seq ?? m.clientMessageId} className={`icc-message ${own ? 'icc-own' : 'icc-other'}`}>
            <p className="icc-message-meta">
              <span className="icc-strong">{own ? t.chat.you : m.authorName || m.author}</span>{' '}
              <time dateTime={m.sentAt}>{formatTime(lang, m.sentAt)}</time>
              <Delivery message={m} />
            </p>
            <p className="icc-message-text">{m.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
