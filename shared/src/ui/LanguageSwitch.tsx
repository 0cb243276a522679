import type { Language } from '../domain/index.ts';

const OPTIONS: { lang: Language; short: string; name: string }[] = [
  { lang: 'it', short: 'IT', name: 'Italiano' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export interface LanguageSwitchProps {
  lang: Language;
  setLang: (lang: Language) => void;
  /** The group's name for screen readers, e.g. "Lingua". */
  label: string;
}

export function LanguageSwitch({ lang, setLang, label }: LanguageSwitchProps) {
  return (
    <fieldset className="ic-lang">
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
