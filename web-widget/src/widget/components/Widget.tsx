import type { Language } from '@infocig/shared';
import { useMemo, useState } from 'react';
import { TEXTS } from '../i18n/index.ts';
import { useVisitorSession, WidgetContext } from '../session/useVisitorSession.ts';
import type { VisitorSession } from '../session/visitor-session.ts';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { Announcements } from './Announcements.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { ClaimsPanel } from './ClaimsPanel.tsx';
import { FollowUpList } from './FollowUpList.tsx';
import { NotYetAvailable } from './NotYetAvailable.tsx';
import { WidgetHeader } from './WidgetHeader.tsx';

export interface WidgetProps {
  session: VisitorSession;
  lang: Language;
}

/** Self-service first, then the way to a person; neither before the rollout reaches them. */
function WidgetBody() {
  const { state } = useVisitorSession();
  if (state.admission && !state.admission.admitted) {
    // A rollout change does not cut a chat short: one still open goes on under the notice.
    const ongoing = state.conversation !== null && state.conversation.status !== 'closed';
    return (
      <>
        <NotYetAvailable admission={state.admission} />
        {ongoing && <ChatPanel />}
      </>
    );
  }
  return (
    <>
      <ClaimsPanel />
      <ChatPanel />
      <FollowUpList />
      <AccessLogPanel />
    </>
  );
}

export function Widget({ session, lang: initialLang }: WidgetProps) {
  const [lang, setLang] = useState<Language>(initialLang);
  const value = useMemo(() => ({ session, lang, setLang, t: TEXTS[lang] }), [session, lang]);

  return (
    <WidgetContext value={value}>
      <section className="icw" lang={lang} aria-labelledby="icw-title">
        <WidgetHeader />
        <WidgetBody />
        <Announcements />
      </section>
    </WidgetContext>
  );
}
