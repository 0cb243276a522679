import { Composer, MessageList } from '@infocig/shared/ui';
import { useState } from 'react';
import type { VisitorConversationState } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { ChatStatus, useWaitView } from './ChatStatus.tsx';
import { FollowUpForm } from './FollowUpForm.tsx';
import { RatingForm } from './RatingForm.tsx';

/**
 * Give up the place in the queue for a message answered later: offered after a long wait, and
 * whenever nobody can say how long the wait will be. The pre-chat topic fills the message's.
 */
function FollowUpOffer({
  conversation,
  unknownWait,
}: {
  conversation: VisitorConversationState;
  unknownWait: boolean;
}) {
  const { t } = useWidget();
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <FollowUpForm
        instead={conversation.id}
        initialTopic={conversation.topic ?? ''}
        onCancel={() => setOpen(false)}
      />
    );
  return (
    <div className="icw-offer" data-testid="icw-offer">
      <p>{unknownWait ? t.chat.noEstimateOffer : t.chat.offer}</p>
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
  const wait = useWaitView(conversation);
  const unknownWait = wait?.kind === 'none';
  const offered = conversation.status === 'queued' && (conversation.followUpOffered || unknownWait);
  return (
    <div className="icw-conversation">
      <ChatStatus conversation={conversation} wait={wait} />
      {offered && <FollowUpOffer conversation={conversation} unknownWait={unknownWait} />}
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
          <RatingForm conversation={conversation} />
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
          <p id="icw-dismiss-hint" className="ic-muted ic-hint">
            {t.chat.dismissHint}
          </p>
          <button
            type="button"
            className="ic-button ic-button-secondary"
            aria-describedby="icw-dismiss-hint"
            disabled={state.busy}
            onClick={() => void session.chat.dismiss()}
          >
            {t.chat.dismiss}
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
