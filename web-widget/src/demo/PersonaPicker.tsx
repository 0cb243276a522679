import { ROLE_LABELS } from '@infocig/shared';
import type { Persona } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';

interface Props {
  personas: Persona[] | null;
  loadError: string | null;
  onSignIn: (persona: Persona) => void;
}

/** Stands in for SPID/CIE sign-in: choose who you are for the demo. */
export function PersonaPicker({ personas, loadError, onSignIn }: Props) {
  const [chosen, setChosen] = useState<string>('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const persona = personas?.find((p) => p.id === chosen);
    if (persona) onSignIn(persona);
  };

  if (loadError) {
    return (
      <p className="demo-error" role="alert">
        Impossibile caricare le persone dimostrative ({loadError}). Il server è avviato in modalità sviluppo?
      </p>
    );
  }
  if (!personas) return <p>Caricamento…</p>;
  return (
    <form className="demo-card" onSubmit={submit}>
      <h1>Accedi a MyINPS</h1>
      <p>In questo ambiente dimostrativo scegli una persona di prova al posto di SPID o CIE.</p>
      <fieldset className="demo-personas">
        <legend>Persona di prova</legend>
        {personas.map((p) => (
          <label key={p.id} className="demo-persona">
            <input
              type="radio"
              name="persona"
              value={p.id}
              checked={chosen === p.id}
              onChange={() => setChosen(p.id)}
            />
            <span>
              <strong>{p.name}</strong> — {ROLE_LABELS[p.role].it}
              {p.description && <span className="demo-persona-desc">{p.description}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="demo-button" disabled={!chosen}>
        Accedi
      </button>
    </form>
  );
}
