import { useEffect, useState } from 'react';
import { fetchPersonas, type Persona } from '../client/dev-api.ts';
import { replaceUrlParam, urlParam } from '../client/page-address.ts';
import type { Role } from '../domain/index.ts';

export interface DevSignIn {
  /** `null` while loading. */
  personas: Persona[] | null;
  loadError: string | null;
  signedIn: Persona | null;
  signIn: (persona: Persona) => void;
  signOut: () => void;
}

/**
 * The development sign-in: the personas from `/dev/personas` whose role `accepts`, and the one
 * named by `?persona=` signed in at once. The choice stays in the address, so a reload keeps it.
 * Pass a stable `accepts` (a module-level function): the personas load again when it changes.
 */
export function useDevSignIn(serverUrl: string, accepts: (role: Role) => boolean): DevSignIn {
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<Persona | null>(null);

  useEffect(() => {
    fetchPersonas(serverUrl).then(
      (all) => {
        const accepted = all.filter((p) => accepts(p.role));
        setPersonas(accepted);
        const wanted = accepted.find((p) => p.id === urlParam('persona'));
        if (wanted) setSignedIn(wanted);
      },
      (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)),
    );
  }, [serverUrl, accepts]);

  const signIn = (persona: Persona) => {
    replaceUrlParam('persona', persona.id);
    setSignedIn(persona);
  };
  const signOut = () => {
    replaceUrlParam('persona', null);
    setSignedIn(null);
  };
  return { personas, loadError, signedIn, signIn, signOut };
}
