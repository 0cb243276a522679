import { type Language, ROLE_LABELS } from '@infocig/shared';
import { type Persona, tokenProvider } from '@infocig/shared/client';
import { LanguageSwitch } from '@infocig/shared/ui';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { TEXTS } from '../i18n/index.ts';
import { AdvisorsView } from './advisors/AdvisorsView.tsx';
import { createSupervisorApi } from './api.ts';
import { AuditView } from './audit/AuditView.tsx';
import { CannedRepliesView } from './canned/CannedRepliesView.tsx';
import { QueuesView } from './queues/QueuesView.tsx';
import { ReferralsView } from './referrals/ReferralsView.tsx';
import { RolloutView } from './rollout/RolloutView.tsx';
import { SupervisorConnection } from './session/SupervisorConnection.tsx';
import { SupervisorSession } from './session/supervisor-session.ts';
import { SupervisorContext, useSupervisor } from './session/useSupervisor.ts';
import { en, it } from './texts.ts';
import './supervisor.css';

// Charts are the heaviest part: loaded only when the figures are opened.
const FiguresView = lazy(() => import('./figures/FiguresView.tsx').then((m) => ({ default: m.FiguresView })));

const VIEWS = ['queues', 'advisors', 'referrals', 'canned', 'figures', 'rollout', 'audit'] as const;
type View = (typeof VIEWS)[number];

const viewFromHash = (): View => {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'queues';
};

interface Props {
  persona: Persona;
  serverUrl: string;
  lang: Language;
  setLang: (lang: Language) => void;
  onSignOut: () => void;
}

/** The supervisor area: live queues and advisors over the socket, the rest through REST. */
export function SupervisorApp({ persona, serverUrl, lang, setLang, onSignOut }: Props) {
  const [session, setSession] = useState<SupervisorSession | null>(null);
  const getToken = useMemo(() => tokenProvider(serverUrl, persona.id), [serverUrl, persona.id]);
  const api = useMemo(() => createSupervisorApi(serverUrl, getToken), [serverUrl, getToken]);

  useEffect(() => {
    const s = new SupervisorSession({ serverUrl, getToken });
    s.connect();
    setSession(s);
    return () => s.dispose();
  }, [serverUrl, getToken]);

  const t = lang === 'en' ? en : it;
  useEffect(() => {
    document.title = t.title;
  }, [t]);

  const value = useMemo(
    () => (session ? { session, api, lang, t, base: TEXTS[lang] } : null),
    [session, api, lang, t],
  );
  if (!value) return null;
  return (
    <SupervisorContext value={value}>
      <Shell persona={persona} setLang={setLang} onSignOut={onSignOut} />
    </SupervisorContext>
  );
}

function Shell({ persona, setLang, onSignOut }: Pick<Props, 'persona' | 'setLang' | 'onSignOut'>) {
  const [view, setView] = useState<View>(viewFromHash);
  const { t, lang, api, base } = useSupervisor();

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="ics-app">
      <header className="icc-topbar">
        <div className="icc-topbar-row">
          <h1 className="icc-title">{t.title}</h1>
          <div className="icc-topbar-right">
            <span>
              <strong>{persona.name}</strong> · {ROLE_LABELS[persona.role][lang]}
            </span>
            <LanguageSwitch lang={lang} setLang={setLang} label={base.languageGroup} />
            <button type="button" className="icc-link-button" onClick={onSignOut}>
              {base.signOut}
            </button>
          </div>
        </div>
        <div className="icc-topbar-row">
          <nav aria-label={t.nav.label} className="ics-nav">
            {VIEWS.map((v) => (
              <a key={v} href={`#/${v}`} aria-current={v === view ? 'page' : undefined}>
                {t.nav[v]}
              </a>
            ))}
          </nav>
          <SupervisorConnection />
        </div>
      </header>
      <main className="ics-main">
        {view === 'queues' && <QueuesView />}
        {view === 'advisors' && <AdvisorsView />}
        {view === 'referrals' && <ReferralsView />}
        {view === 'canned' && <CannedRepliesView />}
        {view === 'figures' && (
          <Suspense fallback={<p>{t.loading}</p>}>
            <FiguresView api={api} lang={lang} />
          </Suspense>
        )}
        {view === 'rollout' && <RolloutView />}
        {view === 'audit' && <AuditView />}
      </main>
    </div>
  );
}
