import { type Language, ROLE_LABELS } from '@infocig/shared';
import type { Persona } from '@infocig/shared/client';
import { LanguageSwitch } from '@infocig/shared/ui';
import { type FormEvent, useState } from 'react';
import { TEXTS } from '../i18n/index.ts';

interface Props {
  personas: Persona[] | null;
  loadError: string | null;
  lang: Language;
  setLang: (lang: Language) => void;
  onSignIn: (persona: Persona) => void;
}

/** Stands in for the staff sign-in in development: pick a staff persona. */
export function SignIn({ personas, loadError, lang, setLang, onSignIn }: Props) {
  const t = TEXTS[lang];
  const [chosen, setChosen] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const persona = personas?.find((p) => p.id === chosen);
    if (persona) onSignIn(persona);
  };

  return (
    <main className="icc-signin">
      <div className="icc-signin-head">
        <h1>{t.appTitle}</h1>
        <LanguageSwitch lang={lang} setLang={setLang} label={t.languageGroup} />
      </div>
      <h2>{t.signIn.title}</h2>
      <p>{t.signIn.intro}</p>
      {loadError && (
        <p className="icc-error" role="alert">
          {t.signIn.loadError(loadError)}
        </p>
      )}
      {!loadError && !personas && <p>{t.signIn.loading}</p>}
      {personas?.length === 0 && <p>{t.signIn.none}</p>}
      {personas && personas.length > 0 && (
        <form onSubmit={submit}>
          <fieldset className="icc-personas">
            <legend>{t.signIn.legend}</legend>
            {personas.map((p) => (
              <label key={p.id} className="icc-persona">
                <input
                  type="radio"
                  name="persona"
                  checked={chosen === p.id}
                  onChange={() => setChosen(p.id)}
                />
                <span>
                  <strong>{p.name}</strong> — {ROLE_LABELS[p.role][lang]}
                  {p.description && <span className="ic-muted icc-block">{p.description}</span>}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="ic-button" disabled={!chosen}>
            {t.signIn.submit}
          </button>
        </form>
      )}
    </main>
  );
}
