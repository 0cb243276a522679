import type { Language } from '@infocig/shared';
import { useMemo, useState } from 'react';
import { TEXTS } from '../i18n/index.ts';
import { WidgetContext } from '../session/useVisitorSession.ts';
import type { VisitorSession } from '../session/visitor-session.ts';
import { Announcements } from './Announcements.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { ClaimsPanel } from './ClaimsPanel.tsx';
import { WidgetHeader } from './WidgetHeader.tsx';

export interface WidgetProps {
  session: VisitorSession;
  lang: Language;
}

export function Widget({ session, lang: initialLang }: WidgetProps) {
  const [lang, setLang] = useState<Language>(initialLang);
  const value = useMemo(() => ({ session, lang, setLang, t: TEXTS[lang] }), [session, lang]);

  return (
    <WidgetContext value={value}>
      <section className="icw" lang={lang} aria-labelledby="icw-title">
        <WidgetHeader />
        <ClaimsPanel />
        <ChatPanel />
        <Announcements />
      </section>
    </WidgetContext>
  );
}
