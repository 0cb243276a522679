import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { applicationLabel } from '../i18n/application-label.ts';
import { picksCompany, selectedCompany } from '../session/reducers-claims.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { AccessNoticeView } from './AccessNoticeView.tsx';

/** Like the original pre-chat form: which company (chosen above) and, if the person wants, which application. */
export function RequestForm() {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const [topic, setTopic] = useState('');
  const [chosen, setChosen] = useState('');
  const company = selectedCompany(state);
  const missingCompany = picksCompany(state) && company === null;
  const claims = state.claims?.list ?? [];
  // A choice that left the list (another company picked, claims refreshed) is no choice.
  const applicationId = claims.some((c) => c.applicationId === chosen) ? chosen : '';
  const disabled = state.busy || state.connection.kind !== 'connected' || missingCompany;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) void session.requestChat(topic, applicationId || undefined);
  };

  return (
    <form className="icw-request" onSubmit={submit}>
      <p>{t.chat.intro}</p>
      {company && (
        <p>
          {t.request.about} <strong>{company.name}</strong>
        </p>
      )}
      {missingCompany && <p className="icw-notice icw-notice-neutral">{t.request.chooseCompanyFirst}</p>}
      <AccessNoticeView kind="application-gone" />
      {claims.length > 0 && (
        <>
          <label htmlFor="icw-application" className="ic-label">
            {t.request.applicationLabel}
          </label>
          <select
            id="icw-application"
            className="ic-input"
            value={applicationId}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t.request.applicationAny}</option>
            {claims.map((c) => (
              <option key={c.applicationId} value={c.applicationId}>
                {applicationLabel(lang, c)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="icw-topic" className="ic-label">
        {t.chat.topicLabel}
      </label>
      <input
        id="icw-topic"
        className="ic-input"
        type="text"
        value={topic}
        maxLength={LIMITS.topicMaxChars}
        aria-describedby="icw-topic-hint"
        onChange={(e) => setTopic(e.target.value)}
      />
      <p id="icw-topic-hint" className="ic-muted ic-hint">
        {t.chat.topicHint(LIMITS.topicMaxChars)}
      </p>
      <button type="submit" className="ic-button" disabled={disabled}>
        {t.chat.request}
      </button>
    </form>
  );
}
