import { provinceBySigla } from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';
import type { Company } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function CompanyChoice({ company: c }: { company: Company }) {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const province = provinceBySigla(c.province)?.name ?? c.province;
  const noteId = `icw-company-note-${c.cf}`;
  const pressed = state.selectedCompanyCf === c.cf;
  return (
    <li>
      <button
        type="button"
        className="icw-company"
        aria-pressed={pressed}
        // Not covered yet: still focusable, so that the reason is read out with it.
        aria-disabled={!c.admitted}
        aria-describedby={c.admitted ? undefined : noteId}
        disabled={state.connection.kind !== 'connected'}
        onClick={() => void session.claims.chooseCompany(c.cf)}
      >
        <span className="icw-company-name">{c.name}</span>
        <span className="icw-company-seat">
          {t.companies.seat(province)}
          {pressed && ` · ${t.companies.shown}`}
        </span>
      </button>
      {!c.admitted && (
        <p id={noteId} className="icw-company-note">
          {c.availableFrom
            ? t.companies.notYetFrom(province, formatDate(lang, c.availableFrom, 'long'))
            : t.companies.notYet(province)}
        </p>
      )}
    </li>
  );
}

/** An intermediary picks which delegating company to look at and ask about; uncovered ones say why not. */
export function CompanyPicker() {
  const { t } = useWidget();
  const { state } = useVisitorSession();
  return (
    <fieldset className="icw-company-picker">
      <legend>{t.companies.legend}</legend>
      {state.companies.length === 0 ? (
        <p>{t.companies.none}</p>
      ) : (
        <>
          <p className="ic-muted">{t.companies.intro}</p>
          <ul className="icw-companies">
            {state.companies.map((c) => (
              <CompanyChoice key={c.cf} company={c} />
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
