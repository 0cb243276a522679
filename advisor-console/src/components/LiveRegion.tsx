import type { ConsoleTexts } from '../i18n/index.ts';
import type { Announcement } from '../session/state.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

function word(t: ConsoleTexts, a: Announcement): string {
  switch (a.kind) {
    case 'assigned':
      return t.announce.assigned(a.visitorName);
    case 'message':
      return t.announce.message(a.visitorName, a.text);
    case 'closed':
      return `${t.announce.closed(a.visitorName)} ${t.chat.closedBy[a.closedBy]}`;
    case 'availability':
      return t.announce.availability[a.availability];
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

/** Status messages for screen readers (WCAG 4.1.3): new chats and messages, chat state. */
export function LiveRegion() {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  return (
    <div className="icc-sr-only" aria-live="polite" aria-atomic="false" data-testid="icc-live">
      {state.announcements.map((a) => (
        <p key={a.id}>{word(t, a.event)}</p>
      ))}
    </div>
  );
}
