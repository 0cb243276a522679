import { Composer, MessageList } from '@infocig/shared/ui';
import type { VisitorConversationState } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function ChatStatus({ conversation }: { conversation: VisitorConversationState }) {
  const { t } = useWidget();
  switch (conversation.status) {
    case 'queued':
      return (
        <div className="icw-notice icw-notice-info">
          {conversation.position && <p className="icw-strong">{t.chat.queued(conversation.position)}</p>}
          <p>{t.chat.waiting}</p>
        </div>
      );
    case 'active':
      return (
        <div className="icw-notice icw-notice-ok">
          <p className="icw-strong">{t.chat.assigned}</p>
          {conversation.advisorName && <p>{t.chat.talkingTo(conversation.advisorName)}</p>}
        </div>
      );
    case 'closed':
      return (
        <div className="icw-notice icw-notice-neutral">
          <p className="icw-strong">{t.chat.closed}</p>
          {conversation.closedBy && <p>{t.chat.closedBy[conversation.closedBy]}</p>}
        </div>
      );
  }
}

export function ConversationView({ conversation }: { conversation: VisitorConversationState }) {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const closed = conversation.status === 'closed';
  return (
    <div className="icw-conversation">
      <ChatStatus conversation={conversation} />
      <MessageList
        prefix="icw"
        messages={state.messages}
        ownAuthor="visitor"
        lang={lang}
        texts={t.chat}
        errors={t.errors}
        onResend={(m) => void session.resend(m.clientMessageId)}
      />
      {closed ? (
        <button type="button" className="icw-button" onClick={() => session.startOver()}>
          {t.chat.newRequest}
        </button>
      ) : (
        <>
          <Composer
            prefix="icw"
            texts={t.chat}
            // Also while queued (the advisor reads it on pickup) or offline (sent on reconnect).
            onSend={(text) => session.send(text)}
          />
          <button
            type="button"
            className="icw-button icw-button-secondary"
            disabled={state.busy}
            onClick={() => void session.closeChat()}
          >
            {t.chat.close}
          </button>
        </>
      )}
    </div>
  );
}
