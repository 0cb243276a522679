import type { VisitorConversationState } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';

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
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const closed = conversation.status === 'closed';
  return (
    <div className="icw-conversation">
      <ChatStatus conversation={conversation} />
      <MessageList messages={state.messages} />
      {closed ? (
        <button type="button" className="icw-button" onClick={() => session.startOver()}>
          {t.chat.newRequest}
        </button>
      ) : (
        <>
          <Composer />
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
