import type { Language } from '@infocig/shared';
import { type Persona, tokenProvider } from '@infocig/shared/client';
import { useEffect, useMemo, useState } from 'react';
import { TEXTS } from '../i18n/index.ts';
import { AdvisorSession } from '../session/advisor-session.ts';
import { ConsoleContext } from '../session/useAdvisorSession.ts';
import { Announcements } from './Announcements.tsx';
import { CannedRepliesPanel } from './CannedRepliesPanel.tsx';
import { ChatList } from './ChatList.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { ReferralsPanel } from './ReferralsPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StaffNotice } from './StaffNotice.tsx';
import { TopBar } from './TopBar.tsx';
import { VisitorPanel } from './VisitorPanel.tsx';

interface Props {
  persona: Persona;
  serverUrl: string;
  lang: Language;
  setLang: (lang: Language) => void;
  onSignOut: () => void;
}

/** One session per signed-in persona; its chats on the left, the chat in the middle, the person on the right. */
export function Console({ persona, serverUrl, lang, setLang, onSignOut }: Props) {
  const [session, setSession] = useState<AdvisorSession | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    const s = new AdvisorSession({ serverUrl, getToken: tokenProvider(serverUrl, persona.id) });
    s.connect();
    setSession(s);
    return () => s.dispose();
  }, [persona.id, serverUrl]);

  const value = useMemo(() => (session ? { session, lang, t: TEXTS[lang] } : null), [session, lang]);
  if (!value) return null;
  return (
    <ConsoleContext value={value}>
      <div className="icc-app">
        <TopBar
          setLang={setLang}
          onSignOut={onSignOut}
          settingsOpen={settingsOpen}
          toggleSettings={() => setSettingsOpen((open) => !open)}
        />
        {settingsOpen && <SettingsPanel onClose={() => setSettingsOpen(false)} />}
        <StaffNotice />
        <main className="icc-main">
          <div className="icc-column icc-side">
            <ChatList />
            <ReferralsPanel />
            <FollowUpsPanel />
            <CannedRepliesPanel />
          </div>
          <ChatPanel />
          <VisitorPanel />
        </main>
        <Announcements />
      </div>
    </ConsoleContext>
  );
}
