import { errorText, formatTime } from '../i18n/index.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';

/** The selected chat: its messages, the reply box and the close button. */
export function ChatPanel() {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const chat = state.chats.find((c) => c.conversation.id === state.selectedId);
  if (!chat) {
    return (
      <section className="icc-column icc-chat" aria-label={t.chat.messages}>
        <p className="icc-muted">{t.chat.noneSelected}</p>
      </section>
    );
  }
  const c = chat.conversation;
  return (
    <section className="icc-column icc-chat" aria-labelledby="icc-chat-title">
      <div className="icc-chat-head">
        <h2 id="icc-chat-title">{c.visitor.displayName}</h2>
        <p className="icc-muted">{t.chat.assignedAt(formatTime(lang, c.assignedAt))}</p>
        {c.topic && (
          <p>
            <span className="icc-label">{t.chat.topic}:</span> {c.topic}
          </p>
        )}
      </div>
      <MessageList key={c.id} messages={chat.messages} />
      {chat.closedBy ? (
        <div className="icc-notice">
          <p>
            <strong>{t.chat.closed}</strong> {t.chat.closedBy[chat.closedBy]}
          </p>
          <button
            type="button"
            className="icc-button icc-button-secondary"
            onClick={() => session.dismiss(c.id)}
          >
            {t.chat.dismiss}
          </button>
        </div>
      ) : (
        <>
          <Composer key={c.id} conversationId={c.id} />
          <button
            type="button"
            className="icc-button icc-button-secondary icc-close"
            disabled={state.busy}
            onClick={() => void session.close(c.id)}
          >
            {t.chat.close}
          </button>
        </>
      )}
      {state.commandError && (
        <p className="icc-error" role="alert">
          {t.errorPrefix}: {errorText(t, state.commandError)} <code>{state.commandError.code}</code>
        </p>
      )}
    </section>
  );
}
