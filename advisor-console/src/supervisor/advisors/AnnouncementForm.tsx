import type { AdvisorOverview } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';

/** An announcement to every advisor, or to one: shown on each console they have open. */
export function AnnouncementForm({ advisors }: { advisors: AdvisorOverview[] }) {
  const { t, api, base } = useSupervisor();
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.send('POST', '/api/supervisor/announcements', { text, ...(to ? { advisorId: to } : {}) });
      setStatus({ ok: true, text: t.advisors.announce.sent });
      setText('');
    } catch (error) {
      setStatus({ ok: false, text: `${t.errorPrefix}: ${failureText(base, error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ics-announce" onSubmit={(e) => void submit(e)} aria-labelledby="ics-announce-heading">
      <h3 id="ics-announce-heading">{t.advisors.announce.heading}</h3>
      <label>
        {t.advisors.announce.to}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t.advisors.announce.everyone}</option>
          {advisors.map((a) => (
            <option key={a.advisorId} value={a.advisorId}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="ics-block">
        {t.advisors.announce.text}
        <textarea value={text} maxLength={1000} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="ic-button" disabled={busy || text.trim() === ''}>
        {t.advisors.announce.send}
      </button>
      <p role="status" className={status?.ok === false ? 'icc-error' : undefined}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}
