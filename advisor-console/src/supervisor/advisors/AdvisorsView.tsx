import { type AdvisorOverview, AUDIENCES, type Audience } from '@infocig/shared';
import { formatTime } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor, useSupervisorState } from '../session/useSupervisor.ts';
import { AnnouncementForm } from './AnnouncementForm.tsx';

/** Every advisor with state, load and queues; the supervisor pauses, resumes and changes them. */
export function AdvisorsView() {
  const { t } = useSupervisor();
  const { overview } = useSupervisorState();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-labelledby="ics-advisors-heading">
      <h2 id="ics-advisors-heading">{t.advisors.heading}</h2>
      <p role="status" className={status?.ok === false ? 'icc-error' : undefined}>
        {status?.text ?? ''}
      </p>
      {!overview && <p>{t.loading}</p>}
      {overview && overview.advisors.length === 0 && <p>{t.advisors.none}</p>}
      {overview && overview.advisors.length > 0 && (
        <table className="ics-table">
          <thead>
            <tr>
              <th scope="col">{t.advisors.name}</th>
              <th scope="col">{t.advisors.state}</th>
              <th scope="col">{t.advisors.chats}</th>
              <th scope="col">{t.advisors.queues}</th>
              <th scope="col">{t.advisors.actions}</th>
            </tr>
          </thead>
          <tbody>
            {overview.advisors.map((a) => (
              <AdvisorRow key={a.advisorId} advisor={a} onStatus={setStatus} />
            ))}
          </tbody>
        </table>
      )}
      <AnnouncementForm advisors={overview?.advisors ?? []} />
    </section>
  );
}

function AdvisorRow({
  advisor: a,
  onStatus,
}: {
  advisor: AdvisorOverview;
  onStatus: (s: { ok: boolean; text: string }) => void;
}) {
  const { t, lang, api, base } = useSupervisor();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function change(body: Record<string, unknown>) {
    setBusy(true);
    try {
      await api.send('PATCH', `/api/supervisor/advisors/${encodeURIComponent(a.advisorId)}`, body);
      onStatus({ ok: true, text: t.advisors.saved(a.name) });
      setEditing(false);
    } catch (error) {
      onStatus({ ok: false, text: `${t.errorPrefix}: ${failureText(base, error)}` });
    } finally {
      setBusy(false);
    }
  }

  const paused = a.state === 'paused';
  return (
    <tr data-testid={`advisor-${a.advisorId}`}>
      <th scope="row">{a.name}</th>
      <td>
        <span className={`ics-state ics-state-${a.state}`}>{t.advisorState[a.state]}</span>
        {a.pausedBySupervisor && <span className="ic-muted"> ({t.advisors.pausedBySupervisor})</span>}
        {a.stateSince && (
          <span className="ic-muted ics-block">
            {t.advisors.since} {formatTime(lang, a.stateSince)}
          </span>
        )}
      </td>
      <td>
        {a.activeChats} / {a.capacity}
      </td>
      <td>{a.queues.map((q) => t.audience[q]).join(', ')}</td>
      <td>
        <div className="ics-actions">
          <button
            type="button"
            className="ic-button ic-button-small"
            disabled={busy}
            aria-label={paused ? t.advisors.resume(a.name) : t.advisors.pause(a.name)}
            onClick={() => void change({ availability: paused ? 'available' : 'paused' })}
          >
            {paused ? t.advisors.resumeShort : t.advisors.pauseShort}
          </button>
          <button
            type="button"
            className="ic-button ic-button-small ic-button-secondary"
            aria-expanded={editing}
            aria-label={t.advisors.edit(a.name)}
            onClick={() => setEditing((e) => !e)}
          >
            {t.advisors.editShort}
          </button>
        </div>
        {editing && (
          <SettingsForm advisor={a} busy={busy} onSave={change} onCancel={() => setEditing(false)} />
        )}
      </td>
    </tr>
  );
}

function SettingsForm({
  advisor,
  busy,
  onSave,
  onCancel,
}: {
  advisor: AdvisorOverview;
  busy: boolean;
  onSave: (body: { queues: Audience[]; capacity: number }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useSupervisor();
  const [queues, setQueues] = useState<Audience[]>(advisor.queues);
  const [capacity, setCapacity] = useState(advisor.capacity);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave({ queues, capacity });
  };
  const toggle = (q: Audience) =>
    setQueues((qs) => (qs.includes(q) ? qs.filter((x) => x !== q) : [...qs, q]));
  return (
    <form className="ics-settings" onSubmit={submit}>
      <fieldset>
        <legend>{t.advisors.queues}</legend>
        {AUDIENCES.map((q) => (
          <label key={q}>
            <input type="checkbox" checked={queues.includes(q)} onChange={() => toggle(q)} /> {t.audience[q]}
          </label>
        ))}
      </fieldset>
      <label>
        {t.advisors.capacity}{' '}
        <input
          type="number"
          min={1}
          max={10}
          value={capacity}
          onChange={(e) => setCapacity(Number(e.target.value))}
        />
      </label>
      <div className="ics-actions">
        <button type="submit" className="ic-button ic-button-small" disabled={busy || queues.length === 0}>
          {t.advisors.save}
        </button>
        <button type="button" className="ic-button ic-button-small ic-button-secondary" onClick={onCancel}>
          {t.advisors.cancel}
        </button>
      </div>
    </form>
  );
}
