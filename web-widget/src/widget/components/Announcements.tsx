import { assertNever } from '@infocig/shared/client';
import { LiveRegion } from '@infocig/shared/ui';
import type { WidgetTexts } from '../i18n/index.ts';
import type { VisitorAnnouncement } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function word(t: WidgetTexts, a: VisitorAnnouncement): string {
  switch (a.kind) {
    case 'queue':
      return t.chat.queued(a.position);
    case 'assigned':
      return t.announce.assigned(a.advisorName);
    case 'message':
      return t.announce.message(a.authorName, a.text);
    case 'closed':
      return `${t.chat.closed} ${t.chat.closedBy[a.closedBy]}`;
    default:
      return assertNever(a);
  }
}

/** Read out to screen readers: new messages, queue position, chat state. */
export function Announcements() {
  const { t } = useWidget();
  const { state } = useVisitorSession();
  return (
    <LiveRegion
      prefix="icw"
      announcements={state.announcements}
      texts={t.announce}
      describe={(a) => word(t, a)}
    />
  );
}
