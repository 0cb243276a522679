import { waitMinutes } from '../session/reducers.ts';
import type { VisitorConversationState } from '../session/state.ts';
import { useWidget } from '../session/useVisitorSession.ts';

/** Where the request stands, in words: the place and the wait, the advisor, or how it ended. */
export function ChatStatus({ conversation: c }: { conversation: VisitorConversationState }) {
  const { t } = useWidget();
  switch (c.status) {
    case 'queued':
      return (
        <div className="icw-notice icw-notice-info" data-testid="icw-queue">
          {c.requeued && <p className="ic-strong">{t.chat.requeued[c.requeued]}</p>}
          {c.position && <p className="ic-strong">{t.chat.queued(c.position)}</p>}
          {c.position && <p>{t.chat.wait(waitMinutes(c.estimatedWaitSeconds))}</p>}
          <p>{t.chat.waiting}</p>
        </div>
      );
    case 'active':
      return (
        <div className="icw-notice icw-notice-ok">
          <p className="ic-strong">{t.chat.assigned}</p>
          {c.advisorName && <p>{t.chat.talkingTo(c.advisorName)}</p>}
        </div>
      );
    case 'closed':
      return (
        <div className="icw-notice icw-notice-neutral">
          <p className="ic-strong">{t.chat.closed}</p>
          {/* The system's reason says more than "the chat was closed". */}
          {c.closeReason ? (
            <p>{t.chat.closeReason[c.closeReason]}</p>
          ) : (
            c.closedBy && <p>{t.chat.closedBy[c.closedBy]}</p>
          )}
        </div>
      );
  }
}
