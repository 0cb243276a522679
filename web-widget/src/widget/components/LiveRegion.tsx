import type { WidgetTexts } from '../i18n/index.ts';
import type { Announcement } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function word(t: WidgetTexts, a: Announcement): string {
  switch (a.kind) {
    case 'queue':
      return t.chat.queued(a.position);
    case 'assigned':
      return t.announce.assigned(a.advisorName);
    case 'message':
      return t.announce.message(a.authorName, a.text);
    case 'closed':
      return `${t.chat.closed} ${t.chat.closedBy[a.closedBy]}`;
    case 'connection-lost':
      return t.announce.connectionLost;
    case 'connection-restored':
      return t.announce.connectionRestored;
    default:
      return assertNever(a);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled announcement ${JSON.stringify(value)}`);
}

/** Status messages for screen readers (WCAG 4.1.3): new messages, queue position, chat state. */
export function LiveRegion() {
  const { t } = useWidget();
  const { state } = useVisitorSession();
  return (
    <div className="icw-sr-only" aria-live="polite" aria-atomic="false" data-testid="icw-live">
      {state.announcements.map((a) => (
        <p key={a.id}>{word(t, a.event)}</p>
      ))}
    </div>
  );
}
