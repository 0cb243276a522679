import { useEffect, useState } from 'react';
import type { WidgetTexts } from '../i18n/index.ts';
import { estimateExpiry, waitView } from '../session/reducers.ts';
import type { VisitorConversationState, WaitView } from '../session/state.ts';
import { useWidget } from '../session/useVisitorSession.ts';

/** The wait in words: a range stated as an estimate, or plainly why there is none (no minutes). */
export function waitWords(t: WidgetTexts, wait: WaitView | null): string {
  if (!wait) return '';
  return wait.kind === 'range'
    ? t.chat.waitRange(wait.lowMinutes, wait.highMinutes)
    : t.chat.noEstimate[wait.reason];
}

/** The wait as it stands now; once a range's high end has passed, it turns into plain words by itself. */
export function useWaitView(c: VisitorConversationState): WaitView | null {
  const [, setTick] = useState(0);
  const expiry = c.status === 'queued' ? estimateExpiry(c) : null;
  useEffect(() => {
    if (expiry === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, expiry - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [expiry]);
  return c.status === 'queued' ? waitView(c.estimate, c.estimateAt, Date.now()) : null;
}

/** Where the request stands, in words: the place and the wait, the advisor, or how it ended. */
export function ChatStatus({
  conversation: c,
  wait = null,
}: {
  conversation: VisitorConversationState;
  wait?: WaitView | null;
}) {
  const { t } = useWidget();
  switch (c.status) {
    case 'queued':
      return (
        <div className="icw-notice icw-notice-info" data-testid="icw-queue">
          {c.requeued && <p className="ic-strong">{t.chat.requeued[c.requeued]}</p>}
          {c.position && <p className="ic-strong">{t.chat.queued(c.position)}</p>}
          {c.position && wait && <p data-testid="icw-wait">{waitWords(t, wait)}</p>}
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
