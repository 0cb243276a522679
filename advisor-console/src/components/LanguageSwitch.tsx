import type { Language } from '@infocig/shared';

const OPTIONS: { lang: Language; short: string; name: string }[] = [
  { lang: 'it', short: 'IT', name: 'Italiano' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export function LanguageSwitch(props: { lang: Language; setLang: (lang: Language) => void; label: string }) {
  return (
    <fieldset className="icc-lang">
      <legend className="icc-sr-only">{props.label}</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-label={o.name}
          aria-pressed={props.lang === o.lang}
          onClick={() => props.setLang(o.lang)}
        >
          {o.short}
        </button>
      ))}
    </fieldset>
  );
}
