import type { Language } from '@infocig/shared';
import { useWidget } from '../session/useVisitorSession.ts';

const OPTIONS: { lang: Language; short: string; name: string }[] = [
  { lang: 'it', short: 'IT', name: 'Italiano' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useWidget();
  return (
    <fieldset className="icw-lang">
      <legend className="icw-sr-only">{t.languageGroup}</legend>
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
