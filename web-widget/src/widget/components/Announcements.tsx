import type { Language } from '@infocig/shared';
import { assertNever, formatDate } from '@infocig/shared/client';
import { LiveRegion } from '@infocig/shared/ui';
import type { WidgetTexts } from '../i18n/index.ts';
import type { VisitorAnnouncement } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { waitWords } from './ChatStatus.tsx';

function word(t: WidgetTexts, lang: Language, a: VisitorAnnouncement): string {
  switch (a.kind) {
    case 'queue':
      return `${t.chat.queued(a.position)} ${waitWords(t, a.wait)}`.trim();
    case 'requeued':
      return t.chat.requeued[a.reason];
    case 'assigned':
      return t.announce.assigned(a.advisorName);
    case 'message':
      return t.announce.message(a.authorName, a.text);
    case 'notice':
      return t.announce.notice(a.text);
    case 'closed':
      return `${t.chat.closed} ${a.reason ? t.chat.closeReason[a.reason] : t.chat.closedBy[a.closedBy]}`;
    case 'service-closed':
      return t.announce.serviceClosed;
    case 'followup-offered':
      return t.chat.offer;
    case 'followup-sent':
      return t.announce.followUpSent;
    case 'followup-answered':
      return t.announce.followUpAnswered(a.topic);
    case 'followup-updated':
      return t.announce.referralUpdated(a.office);
    case 'company-claims':
      return t.announceMore.companyClaims(a.name, a.count);
    case 'access-notice':
      return a.notice.kind === 'company-revoked'
        ? t.notices.revoked(a.notice.name)
        : t.notices.applicationGone;
    case 'access-log':
      return t.announceMore.accessLog(a.count);
    case 'admission-changed':
      return a.admitted
        ? t.announceMore.admitted
        : t.announceMore.notAdmitted(a.availableFrom && formatDate(lang, a.availableFrom, 'long'));
    case 'companies-changed':
      return t.announceMore.companiesChanged;
    default:
      return assertNever(a);
  }
}

/** Read out to screen readers: new messages, the queue, the chat's state, answers to follow-ups. */
export function Announcements() {
  const { t, lang } = useWidget();
  const { state } = useVisitorSession();
  return (
    <LiveRegion announcements={state.announcements} texts={t.announce} describe={(a) => word(t, lang, a)} />
  );
}
