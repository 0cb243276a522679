import { isVisitorRole, type Language } from '@infocig/shared';
import { useEffect, useState } from 'react';
import { fetchPersonas, type Persona } from './dev-api.ts';
import { PersonaPicker } from './PersonaPicker.tsx';
import { PortalHome } from './PortalHome.tsx';

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

/** A stand-in for the INPS portal: sign in as a demo person, then the widget on the home page. */
export function DemoPortal() {
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<Persona | null>(null);
  const lang: Language = urlParam('lang') === 'en' ? 'en' : 'it';

  useEffect(() => {
    fetchPersonas(origin).then(
      (all) => {
        const visitors = all.filter((p) => isVisitorRole(p.role));
        setPersonas(visitors);
        const wanted = visitors.find((p) => p.id === urlParam('persona'));
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

  return (
    <>
      <a className="demo-skip" href="#main">
        Vai al contenuto principale
      </a>
      <header className="demo-header">
        <div className="demo-wrap demo-header-row">
          <p className="demo-brand">
            <span className="demo-logo" aria-hidden="true">
              INPS
            </span>{' '}
            MyINPS <span className="demo-badge">ambiente dimostrativo</span>
          </p>
          {signedIn && (
            <p className="demo-user">
              {signedIn.name}{' '}
              <button type="button" className="demo-link-button" onClick={signOut}>
                Esci
              </button>
            </p>
          )}
        </div>
      </header>
      <main id="main" className="demo-wrap demo-main">
        {signedIn ? (
          <PortalHome persona={signedIn} serverUrl={origin} lang={lang} />
        ) : (
          <PersonaPicker personas={personas} loadError={loadError} onSignIn={signIn} />
        )}
      </main>
      <footer className="demo-footer">
        <div className="demo-wrap">
          Pagina dimostrativa: non è il portale INPS. Le persone e i dati sono di fantasia.
        </div>
      </footer>
    </>
  );
}
