import { errorText, formatTime } from '@infocig/shared/client';
import { Composer, MessageList } from '@infocig/shared/ui';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** Drafts survive switching between chats (the composer is keyed by conversation). */
const drafts = new Map<string, string>();

function keepDraft(conversationId: string, text: string) {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}

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
      <MessageList
        key={c.id}
        prefix="icc"
        messages={chat.messages}
        ownAuthor="advisor"
        lang={lang}
        texts={t.chat}
        errors={t.errors}
        onResend={(m) => session.resend(m.conversationId, m.clientMessageId)}
        nameOf={(m) => m.authorName || m.author}
      />
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
          <Composer
            key={c.id}
            prefix="icc"
            texts={t.chat}
            // Written while offline, a reply waits as pending and goes out on reconnect.
            onSend={(text) => session.send(c.id, text)}
            initialText={drafts.get(c.id)}
            onTextChange={(text) => keepDraft(c.id, text)}
          />
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
