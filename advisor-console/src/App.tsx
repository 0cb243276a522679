import { isStaffRole, type Language } from '@infocig/shared';
import { urlParam } from '@infocig/shared/client';
import { useDevSignIn } from '@infocig/shared/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Console } from './components/Console.tsx';
import { SignIn } from './components/SignIn.tsx';
import { TEXTS } from './i18n/index.ts';

const origin = window.location.origin;

// Supervisors only: its code (views, map, charts) is not part of the advisor's bundle.
const SupervisorApp = lazy(() =>
  import('./supervisor/SupervisorApp.tsx').then((m) => ({ default: m.SupervisorApp })),
);

/** Development sign-in (staff personas from `/dev/personas`), then the console or the supervisor area. */
export function App() {
  const [lang, setLang] = useState<Language>(urlParam('lang') === 'en' ? 'en' : 'it');
  const { personas, loadError, signedIn, signIn, signOut } = useDevSignIn(origin, isStaffRole);
  const t = TEXTS[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t]);

  if (signedIn?.role === 'supervisor') {
    return (
      <Suspense fallback={<p>{t.loading}</p>}>
        <SupervisorApp
          persona={signedIn}
          serverUrl={origin}
          lang={lang}
          setLang={setLang}
          onSignOut={signOut}
        />
      </Suspense>
    );
  }
  return signedIn ? (
    <Console persona={signedIn} serverUrl={origin} lang={lang} setLang={setLang} onSignOut={signOut} />
  ) : (
    <SignIn personas={personas} loadError={loadError} lang={lang} setLang={setLang} onSignIn={signIn} />
  );
}
