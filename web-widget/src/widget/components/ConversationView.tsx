import { Composer, MessageList } from '@infocig/shared/ui';
import { useState } from 'react';
import type { VisitorConversationState } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { ChatStatus } from './ChatStatus.tsx';
import { FollowUpForm } from './FollowUpForm.tsx';

/** Offered after a long wait: give up the place in the queue for a message answered later. */
function FollowUpOffer({ conversationId }: { conversationId: string }) {
  const { t } = useWidget();
  const [open, setOpen] = useState(false);
  if (open) return <FollowUpForm instead={conversationId} onCancel={() => setOpen(false)} />;
  return (
    <div className="icw-offer">
      <p>{t.chat.offer}</p>
      <button type="button" className="ic-button ic-button-secondary" onClick={() => setOpen(true)}>
        {t.chat.offerButton}
      </button>
    </div>
  );
}

export function ConversationView({ conversation }: { conversation: VisitorConversationState }) {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const closed = conversation.status === 'closed';
  const offered = conversation.status === 'queued' && conversation.followUpOffered;
  return (
    <div className="icw-conversation">
      <ChatStatus conversation={conversation} />
      {offered && <FollowUpOffer conversationId={conversation.id} />}
      <MessageList
        conversationId={conversation.id}
        messages={state.messages}
        ownAuthor="visitor"
        lang={lang}
        texts={t.chat}
        errors={t.errors}
        onResend={(m) => void session.chat.resend(m.clientMessageId)}
        readUpTo={conversation.readUpTo.advisor}
        onSeen={() => void session.chat.markRead()}
      />
      <p className="icw-typing" data-testid="icw-typing">
        {!closed && state.advisorTypingUntil !== null ? t.chat.typing : ''}
      </p>
      {closed ? (
        <>
          <button type="button" className="ic-button" onClick={() => session.chat.startOver()}>
            {t.chat.newRequest}
          </button>
          <button
            type="button"
            className="ic-button ic-button-secondary"
            onClick={() => void session.chat.downloadTranscript(conversation.id)}
          >
            {t.chat.download}
          </button>
        </>
      ) : (
        <>
          <Composer
            texts={t.chat}
            // Also while queued (the advisor reads it on pickup) or offline (sent on reconnect).
            onSend={(text) => session.chat.send(text)}
            onTextChange={(text) => session.chat.draftChanged(text)}
          />
          <button
            type="button"
            className="ic-button ic-button-secondary"
            disabled={state.busy}
            onClick={() => void session.chat.close()}
          >
            {t.chat.close}
          </button>
        </>
      )}
    </div>
  );
}
