import { useEffect, useRef } from 'react';
import type { UiError } from '../client/ack.ts';
import { errorText, formatTime } from '../client/i18n.ts';
import type { UiMessage } from '../client/messages.ts';
import type { Language } from '../domain/index.ts';
import type { ChatMessage } from '../protocol/index.ts';

export interface MessageListTexts {
  messages: string;
  noMessages: string;
  you: string;
  pending: string;
  failed: string;
  resend: string;
}

export interface MessageListProps {
  /** The app's class prefix (`icw`, `icc`). */
  prefix: string;
  messages: readonly UiMessage[];
  /** Whose messages are ours: shown as "you", on the other side. */
  ownAuthor: ChatMessage['author'];
  lang: Language;
  texts: MessageListTexts;
  errors: Partial<Record<UiError['code'], string>>;
  onResend: (message: UiMessage) => void;
  /** How the others are named; by default their `authorName`. */
  nameOf?: (message: UiMessage) => string;
}

type DeliveryProps = Pick<MessageListProps, 'prefix' | 'texts' | 'errors' | 'onResend'> & {
  message: UiMessage;
};

function Delivery({ message, prefix, texts, errors, onResend }: DeliveryProps) {
  if (message.delivery === 'pending') return <span className={`${prefix}-muted`}> · {texts.pending}</span>;
  if (message.delivery === 'failed') {
    return (
      <span className={`${prefix}-error-text`}>
        {' '}
        · {texts.failed}
        {message.error ? ` (${errorText({ errors }, message.error)})` : ''}{' '}
        <button
          type="button"
          className={`${prefix}-button ${prefix}-button-small ${prefix}-button-secondary`}
          onClick={() => onResend(message)}
        >
          {texts.resend}
        </button>
      </span>
    );
  }
  return null;
}

/** Not a live region itself: arrivals are read out once, by the live region. */
export function MessageList({
  prefix,
  messages,
  ownAuthor,
  lang,
  texts,
  errors,
  onResend,
  nameOf = (m) => m.authorName,
}: MessageListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  if (messages.length === 0) return <p className={`${prefix}-muted`}>{texts.noMessages}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <ol ref={listRef} className={`${prefix}-messages`} aria-label={texts.messages} tabIndex={0}>
      {messages.map((m) => {
        const own = m.author === ownAuthor;
        return (
          <li
            key={m.seq ?? m.clientMessageId}
            className={`${prefix}-message ${own ? `${prefix}-own` : `${prefix}-other`}`}
          >
            <p className={`${prefix}-message-meta`}>
              <span className={`${prefix}-strong`}>{own ? texts.you : nameOf(m)}</span>{' '}
              <time dateTime={m.sentAt}>{formatTime(lang, m.sentAt)}</time>
              <Delivery message={m} prefix={prefix} texts={texts} errors={errors} onResend={onResend} />
            </p>
            <p className={`${prefix}-message-text`}>{m.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
