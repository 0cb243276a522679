import { type Language, ROLE_LABELS } from '@infocig/shared';
import { LanguageSwitch } from '@infocig/shared/ui';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { AvailabilityToggle } from './AvailabilityToggle.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { ProfileSummary } from './ProfileSummary.tsx';
import { QueueStats } from './QueueStats.tsx';

interface Props {
  setLang: (lang: Language) => void;
  onSignOut: () => void;
  settingsOpen: boolean;
  toggleSettings: () => void;
}

export function TopBar({ setLang, onSignOut, settingsOpen, toggleSettings }: Props) {
  const { t, lang } = useConsole();
  const { state } = useAdvisorSession();
  return (
    <header className="icc-topbar">
      <div className="icc-topbar-row">
        <h1 className="icc-title">{t.appTitle}</h1>
        <div className="icc-topbar-right">
          {state.identity && (
            <span>
              <strong>{state.identity.displayName}</strong> · {ROLE_LABELS[state.identity.role][lang]}
            </span>
          )}
          <LanguageSwitch lang={lang} setLang={setLang} label={t.languageGroup} />
          <button type="button" className="icc-link-button" onClick={onSignOut}>
            {t.signOut}
          </button>
        </div>
      </div>
      <div className="icc-topbar-row">
        <AvailabilityToggle />
        <ProfileSummary open={settingsOpen} onToggle={toggleSettings} />
        <QueueStats />
        <ConnectionStatus />
      </div>
    </header>
  );
}
