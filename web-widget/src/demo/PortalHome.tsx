import type { Language } from '@infocig/shared';
import { type Persona, tokenProvider } from '@infocig/shared/client';
import { useEffect } from 'react';

interface Props {
  persona: Persona;
  serverUrl: string;
  lang: Language;
}

/** The function of this page that the widget's tag names (`data-token`): the portal's token for the person. */
const TOKEN_FUNCTION = 'infocigDemoToken';

interface HostWindow {
  [TOKEN_FUNCTION]?: () => Promise<string>;
  InfoCIG?: {
    mount(options: { getToken: () => Promise<string>; lang: Language; open: boolean }): void;
    unmount(): void;
  };
}

/**
 * The signed-in home page. It embeds the widget exactly as any INPS page would, with the one tag
 * (added here because the demo signs people in without reloading the page).
 */
export function PortalHome({ persona, serverUrl, lang }: Props) {
  useEffect(() => {
    const host = window as unknown as HostWindow;
    const getToken = tokenProvider(serverUrl, persona.id);
    host[TOKEN_FUNCTION] = getToken;
    let tag: HTMLScriptElement | null = null;
    // The loader runs once per page: later sign-ins use its script interface.
    if (host.InfoCIG) host.InfoCIG.mount({ getToken, lang, open: true });
    else {
      tag = document.createElement('script');
      tag.type = 'module';
      // Vite's dev server serves the loader from source; a build (even one of React's development
      // build, as the browser tests make) has it as `widget.js`.
      tag.src = import.meta.hot ? '/src/embed/widget-loader.ts' : new URL('widget.js', document.baseURI).href;
      tag.dataset.token = TOKEN_FUNCTION;
      tag.dataset.lang = lang;
      tag.dataset.open = 'true';
      document.body.append(tag);
    }
    return () => {
      // A tag removed before its script ran mounts nothing.
      tag?.remove();
      host.InfoCIG?.unmount();
    };
  }, [persona.id, serverUrl, lang]);

  return (
    <>
      <h1>Benvenuto, {persona.name}</h1>
      <p className="demo-lead">
        Cassa integrazione con pagamento diretto: qui trovi lo stato della domanda e dei pagamenti, e se serve
        puoi parlare con un consulente esperto INPS, dal pulsante Info CIG in basso a destra.
      </p>
    </>
  );
}
