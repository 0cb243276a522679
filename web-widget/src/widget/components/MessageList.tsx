import { useEffect, useRef } from 'react';
import { errorText, formatTime } from '../i18n/index.ts';
import type { UiMessage } from '../session/messages.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function Delivery({ message }: { message: UiMessage }) {
  const { t } = useWidget();
  const { session } = useVisitorSession();
  if (message.delivery === 'pending') return <span className="icw-muted"> · {t.chat.pending}</span>;
  if (message.delivery === 'failed') {
    return (
      <span className="icw-error-text">
        {' '}
        · {t.chat.failed}
        {message.error ? ` (${errorText(t, message.error)})` : ''}{' '}
        <button
          type="button"
          className="icw-button icw-button-small icw-button-secondary"
          onClick={() => void session.resend(message.clientMessageId)}
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
  const { t, lang } = useWidget();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  if (messages.length === 0) return <p className="icw-muted">{t.chat.noMessages}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <ol ref={listRef} className="icw-messages" aria-label={t.chat.messages} tabIndex={0}>
      {messages.map((m) => {
        const own = m.author === 'visitor';
        return (
          <li key={m.seq ?? m.clientMessageId} className={`icw-message ${own ? 'icw-own' : 'icw-other'}`}>
            <p className="icw-message-meta">
              <span className="icw-strong">{own ? t.chat.you : m.authorName}</span>{' '}
              <time dateTime={m.sentAt}>{formatTime(lang, m.sentAt)}</time>
              <Delivery message={m} />
            </p>
            <p className="icw-message-text">{m.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
