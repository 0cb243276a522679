import { type AdvisorProfile, AUDIENCES, type Audience } from '@infocig/shared';
import { errorText } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

const CAPACITIES = Array.from({ length: 10 }, (_, i) => i + 1);

interface FormProps {
  profile: AdvisorProfile;
  onClose: () => void;
}

/** Keyed by the profile: a change from a supervisor or another tab shows at once. */
function SettingsForm({ profile, onClose }: FormProps) {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const [queues, setQueues] = useState<Audience[]>(profile.queues);
  const [capacity, setCapacity] = useState(profile.capacity);
  const none = queues.length === 0;
  const toggle = (q: Audience, on: boolean) =>
    setQueues((list) =>
      on ? AUDIENCES.filter((a) => a === q || list.includes(a)) : list.filter((a) => a !== q),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!none) void session.saveSettings(queues, capacity);
  };
  return (
    <form className="icc-settings-form" onSubmit={submit}>
      <fieldset aria-describedby={none ? 'icc-settings-none' : undefined}>
        <legend>{t.profile.queues}</legend>
        {AUDIENCES.map((q) => (
          <label key={q} className="icc-check">
            <input
              type="checkbox"
              checked={queues.includes(q)}
              onChange={(e) => toggle(q, e.target.checked)}
            />{' '}
            {t.queue[q]}
          </label>
        ))}
        {none && (
          <p id="icc-settings-none" className="icc-error">
            {t.profile.atLeastOne}
          </p>
        )}
      </fieldset>
      <label className="ic-label" htmlFor="icc-capacity">
        {t.profile.capacity}
      </label>
      <select id="icc-capacity" value={capacity} onChange={(e) => setCapacity(Number(e.target.value))}>
        {CAPACITIES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <div className="icc-actions">
        <button
          type="submit"
          className="ic-button"
          disabled={none || state.busy || state.connection.kind !== 'connected'}
        >
          {t.profile.save}
        </button>
        <button type="button" className="ic-button ic-button-secondary" onClick={onClose}>
          {t.profile.close}
        </button>
      </div>
      {state.settingsError && (
        <p className="icc-error" role="alert">
          {t.errorPrefix}: {errorText(t, state.settingsError)} <code>{state.settingsError.code}</code>
        </p>
      )}
    </form>
  );
}

/** The advisor's queues and capacity (`advisor:settings`). */
export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  const p = state.profile;
  return (
    <section id="icc-settings" className="icc-settings" aria-labelledby="icc-settings-title">
      <h2 id="icc-settings-title">{t.profile.title}</h2>
      <p className="ic-muted icc-small">{t.profile.note}</p>
      {p && <SettingsForm key={`${p.queues.join()}-${p.capacity}`} profile={p} onClose={onClose} />}
    </section>
  );
}
