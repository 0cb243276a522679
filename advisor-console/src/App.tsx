import { isStaffRole, type Language } from '@infocig/shared';
import { useEffect, useState } from 'react';
import { Console } from './components/Console.tsx';
import { SignIn } from './components/SignIn.tsx';
import { fetchPersonas, type Persona } from './dev-api.ts';
import { TEXTS } from './i18n/index.ts';

const origin = window.location.origin;

function urlParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

function setPersonaParam(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('persona', id);
  else url.searchParams.delete('persona');
  window.history.replaceState(null, '', url);
}

/** Development sign-in (staff personas from `/dev/personas`), then the console. */
export function App() {
  const [lang, setLang] = useState<Language>(urlParam('lang') === 'en' ? 'en' : 'it');
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<Persona | null>(null);
  const t = TEXTS[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t]);

  useEffect(() => {
    fetchPersonas(origin).then(
      (all) => {
        const staff = all.filter((p) => isStaffRole(p.role));
        setPersonas(staff);
        const wanted = staff.find((p) => p.id === urlParam('persona'));
        if (wanted) setSignedIn(wanted);
      },
      (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)),
    );
  }, []);

  const signIn = (persona: Persona) => {
    setPersonaParam(persona.id);
    setSignedIn(persona);
  };
  const signOut = () => {
    setPersonaParam(null);
    setSignedIn(null);
  };

  return signedIn ? (
    <Console persona={signedIn} serverUrl={origin} lang={lang} setLang={setLang} onSignOut={signOut} />
  ) : (
    <SignIn personas={personas} loadError={loadError} lang={lang} setLang={setLang} onSignIn={signIn} />
  );
}
