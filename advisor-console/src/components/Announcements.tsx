import { assertNever } from '@infocig/shared/client';
import { LiveRegion } from '@infocig/shared/ui';
import type { ConsoleTexts } from '../i18n/index.ts';
import type { AdvisorAnnouncement } from '../session/state.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

function word(t: ConsoleTexts, a: AdvisorAnnouncement): string {
  switch (a.kind) {
    case 'assigned':
      return t.announce.assigned(a.visitorName);
    case 'message':
      return t.announce.message(a.visitorName, a.text);
    case 'notice':
      return t.announce.notice(a.visitorName, a.text);
    case 'closed':
      return [
        t.announce.closed(a.visitorName),
        t.chat.closedBy[a.closedBy],
        a.reason ? t.chat.closeReason[a.reason] : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'released':
      return t.announce.released[a.reason](a.visitorName);
    case 'availability':
      return t.announce.availability[a.availability];
    case 'profile':
      return t.announce.profile(a.queues.map((q) => t.queue[q]).join(', '), a.capacity);
    case 'followup-answered':
      return t.announce.followUpAnswered(a.visitorName);
    case 'referral-opened':
      return t.announce.referralOpened(a.office);
    case 'referral-answered':
      return t.announce.referralAnswered(a.visitorName);
    case 'staff':
      return t.announce.staff(a.from, a.text);
    default:
      return assertNever(a);
  }
}

/** Read out to screen readers: new chats and messages, chat state, profile changes. */
export function Announcements() {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  return <LiveRegion announcements={state.announcements} texts={t.announce} describe={(a) => word(t, a)} />;
}
