import { useEffect, useRef } from 'react';
import type { UiError } from '../client/ack.ts';
import { errorText, formatTime } from '../client/i18n.ts';
import type { UiMessage } from '../client/messages.ts';
import type { Language } from '../domain/index.ts';
import type { ChatMessage, SystemNotice } from '../protocol/index.ts';
import { useWhileSeen } from './useWhileSeen.ts';

export interface MessageListTexts {
  messages: string;
  noMessages: string;
  you: string;
  pending: string;
  failed: string;
  resend: string;
  /** Under one's own messages the other side has read, e.g. "Letto". */
  read: string;
  /** Names the service's own notices (`author: 'system'`), e.g. "Avviso del servizio". */
  system: string;
  /** Words a notice of the service in the reader's language (every kind: a new one does not compile until worded). */
  notice: (notice: SystemNotice) => string;
}

export interface MessageListProps {
  /** The conversation shown: a message of any other is never rendered here, whatever the list holds. */
  conversationId: string;
  messages: readonly UiMessage[];
  /** Whose messages are ours: shown as "you", on the other side. */
  ownAuthor: ChatMessage['author'];
  lang: Language;
  texts: MessageListTexts;
  errors: Partial<Record<UiError['code'], string>>;
  onResend: (message: UiMessage) => void;
  /**
   * Whether a message is ours (shown as "you"); by default every message of `ownAuthor`. A console
   * tells its own advisor's messages from a colleague's (after a transfer) by `authorId`.
   */
  isOwn?: (message: UiMessage) => boolean;
  /** How the others are named; by default their `authorName`. */
  nameOf?: (message: UiMessage) => string;
  /** How far the other side has read: our messages up to it show as read. */
  readUpTo?: number;
  /** The list is on screen while the page has focus (again on each new message): mark it read. */
  onSeen?: () => void;
}

type DeliveryProps = Pick<MessageListProps, 'texts' | 'errors' | 'onResend'> & {
  message: UiMessage;
  read: boolean;
};

function Delivery({ message, texts, errors, onResend, read }: DeliveryProps) {
  if (message.delivery === 'pending') return <span className={`ic-muted`}> · {texts.pending}</span>;
  if (message.delivery === 'failed') {
    return (
      <span className={`ic-error-text`}>
        {' '}
        · {texts.failed}
        {message.error ? ` (${errorText({ errors }, message.error)})` : ''}{' '}
        <button
          type="button"
          className={`ic-button ic-button-small ic-button-secondary`}
          onClick={() => onResend(message)}
        >
          {texts.resend}
        </button>
      </span>
    );
  }
  return read ? <span className={`ic-read`}> · {texts.read}</span> : null;
}

/** Unique within a conversation: a stored message by its `seq`, one of ours not yet stored by its client id. */
const keyOf = (m: UiMessage) => (m.seq !== null ? `seq-${m.seq}` : `pending-${m.clientMessageId}`);

/** Not a live region itself: arrivals are read out once, by the live region. */
export function MessageList({
  conversationId,
  messages: held,
  ownAuthor,
  lang,
  texts,
  errors,
  onResend,
  isOwn = (m) => m.author === ownAuthor,
  nameOf = (m) => m.authorName,
  readUpTo = 0,
  onSeen,
}: MessageListProps) {
  const messages = held.filter((m) => m.conversationId === conversationId);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages.length]);
  useWhileSeen(listRef, messages.length > 0, messages.length, onSeen);

  if (messages.length === 0) return <p className={`ic-muted`}>{texts.noMessages}</p>;
  return (
    <ol
      ref={listRef}
      className={`ic-messages`}
      aria-label={texts.messages}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      data-conversation-id={conversationId}
    >
      {messages.map((m) => {
        const key = keyOf(m);
        const time = <time dateTime={m.sentAt}>{formatTime(lang, m.sentAt)}</time>;
        if (m.author === 'system') {
          return (
            <li key={key} className={`ic-message ic-system`} data-conversation-id={m.conversationId}>
              <p className={`ic-message-meta`}>
                <span className={`ic-strong`}>{texts.system}</span> {time}
              </p>
              <p className={`ic-message-text`}>{m.notice ? texts.notice(m.notice) : m.text}</p>
            </li>
          );
        }
        const own = isOwn(m);
        const read = own && m.seq !== null && m.seq <= readUpTo;
        return (
          <li
            key={key}
            className={`ic-message ${own ? `ic-own` : `ic-other`}`}
            data-conversation-id={m.conversationId}
          >
            <p className={`ic-message-meta`}>
              <span className={`ic-strong`}>{own ? texts.you : nameOf(m)}</span> {time}
              {own && <Delivery message={m} texts={texts} errors={errors} onResend={onResend} read={read} />}
            </p>
            <p className={`ic-message-text`}>{m.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
