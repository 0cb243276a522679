import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

/** An intermediary says which of their delegating companies the question is about. */
function CompanyChoice({ value, onChange }: { value: string; onChange: (cf: string) => void }) {
  const { t } = useWidget();
  const { state } = useVisitorSession();
  return (
    <>
      <label htmlFor="icw-company" className="icw-label">
        {t.chat.companyLabel}
      </label>
      <select
        id="icw-company"
        className="icw-input"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t.chat.companyPlaceholder}</option>
        {state.companies.map((c) => (
          <option key={c.cf} value={c.cf} disabled={!c.admitted}>
            {c.admitted ? c.name : t.chat.companyNotYet(c.name)}
          </option>
        ))}
      </select>
    </>
  );
}

export function RequestForm() {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const [topic, setTopic] = useState('');
  const [companyCf, setCompanyCf] = useState('');
  const needsCompany = state.identity?.role === 'consulente';
  const disabled = state.busy || state.connection.kind !== 'connected' || (needsCompany && !companyCf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) void session.requestChat(topic, needsCompany ? companyCf : undefined);
  };

  return (
    <form className="icw-request" onSubmit={submit}>
      <p>{t.chat.intro}</p>
      {needsCompany && <CompanyChoice value={companyCf} onChange={setCompanyCf} />}
      <label htmlFor="icw-topic" className="icw-label">
        {t.chat.topicLabel}
      </label>
      <input
        id="icw-topic"
        className="icw-input"
        type="text"
        value={topic}
        maxLength={LIMITS.topicMaxChars}
        aria-describedby="icw-topic-hint"
        onChange={(e) => setTopic(e.target.value)}
      />
      <p id="icw-topic-hint" className="icw-muted icw-hint">
        {t.chat.topicHint(LIMITS.topicMaxChars)}
      </p>
      <button type="submit" className="icw-button" disabled={disabled}>
        {t.chat.request}
      </button>
    </form>
  );
}
