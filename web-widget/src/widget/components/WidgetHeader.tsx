import { ROLE_LABELS } from '@infocig/shared';
import { LanguageSwitch } from '@infocig/shared/ui';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';

export function WidgetHeader() {
  const { t, lang, setLang } = useWidget();
  const { state } = useVisitorSession();
  const identity = state.identity;
  return (
    <header className="icw-header">
      <div className="icw-header-top">
        <div>
          <h2 id="icw-title" className="icw-title">
            {t.title}
          </h2>
          <p className="icw-subtitle">{t.subtitle}</p>
        </div>
        <LanguageSwitch lang={lang} setLang={setLang} label={t.languageGroup} />
      </div>
      <div className="icw-header-bottom">
        {identity && (
          <p className="icw-identity">
            {t.signedInAs} <strong>{identity.displayName}</strong> · {ROLE_LABELS[identity.role][lang]}
            {identity.companyName ? ` · ${identity.companyName}` : ''}
          </p>
        )}
        <ConnectionStatus />
      </div>
    </header>
  );
}
