import type { Language } from '../domain/index.ts';

const OPTIONS: { lang: Language; short: string; name: string }[] = [
  { lang: 'it', short: 'IT', name: 'Italiano' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export interface LanguageSwitchProps {
  /** The app's class prefix (`icw`, `icc`): the colours are the app's, as `${prefix}-lang`. */
  prefix: string;
  lang: Language;
  setLang: (lang: Language) => void;
  /** The group's name for screen readers, e.g. "Lingua". */
  label: string;
}

export function LanguageSwitch({ prefix, lang, setLang, label }: LanguageSwitchProps) {
  return (
    <fieldset className={`ic-lang ${prefix}-lang`}>
      <legend className="ic-sr-only">{label}</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-label={o.name}
          aria-pressed={lang === o.lang}
          onClick={() => setLang(o.lang)}
        >
          {o.short}
        </button>
      ))}
    </fieldset>
  );
}
