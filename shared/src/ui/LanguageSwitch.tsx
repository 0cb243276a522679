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
          aria-pressed={lang === o.lang}
          onClick={() => setLang(o.lang)}
        >
          {/* The visible code is part of the name, as speech input needs; the full name is read after it. */}
          {o.short}
          <span className="ic-sr-only"> {o.name}</span>
        </button>
      ))}
    </fieldset>
  );
}
