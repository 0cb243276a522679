import type { Language } from '@infocig/shared';
import { type Persona, tokenProvider } from '@infocig/shared/client';
import { useEffect, useRef } from 'react';
import { mountInfocigWidget } from '../widget/index.tsx';

interface Props {
  persona: Persona;
  serverUrl: string;
  lang: Language;
}

/** The signed-in home page; the widget is mounted the way a real host page would do it. */
export function PortalHome({ persona, serverUrl, lang }: Props) {
  const slot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!slot.current) return;
    const widget = mountInfocigWidget(slot.current, {
      serverUrl,
      getToken: tokenProvider(serverUrl, persona.id),
      lang,
    });
    return () => widget.unmount();
  }, [persona.id, serverUrl, lang]);

  return (
    <>
      <h1>Benvenuto, {persona.name}</h1>
      <p className="demo-lead">
        Cassa integrazione con pagamento diretto: qui trovi lo stato della domanda e dei pagamenti, e se serve
        puoi parlare con un consulente esperto INPS.
      </p>
      <div ref={slot} className="demo-widget-slot" />
    </>
  );
}
