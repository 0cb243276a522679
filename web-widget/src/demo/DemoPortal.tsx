import { isVisitorRole, type Language } from '@infocig/shared';
import { urlParam } from '@infocig/shared/client';
import { useDevSignIn } from '@infocig/shared/ui';
import { PersonaPicker } from './PersonaPicker.tsx';
import { PortalHome } from './PortalHome.tsx';

const origin = window.location.origin;

/** A stand-in for the INPS portal: sign in as a demo person, then the widget on the home page. */
export function DemoPortal() {
  const { personas, loadError, signedIn, signIn, signOut } = useDevSignIn(origin, isVisitorRole);
  const lang: Language = urlParam('lang') === 'en' ? 'en' : 'it';

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
