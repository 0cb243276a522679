import { formatDateTime } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';

type VerifyResult =
  | { ok: true; rows: number; checkedAt: string }
  | { ok: false; brokenAt: number; reason: string; checkedAt: string };

interface Access {
  at: string;
  actorName: string;
  actorRole: string;
  what: string;
  purpose: string;
  outcome: string;
}

/** The access audit: the chain check for every supervisor, the search by person for the privacy officer. */
export function AuditView() {
  const { t } = useSupervisor();
  return (
    <section aria-labelledby="ics-audit-heading">
      <h2 id="ics-audit-heading">{t.audit.heading}</h2>
      <ChainCheck />
      <AccessSearch />
    </section>
  );
}

function ChainCheck() {
  const { t, api, base, lang } = useSupervisor();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    try {
      const r = await api.send<VerifyResult>('POST', '/api/supervisor/audit/verify');
      const at = formatDateTime(lang, r.checkedAt);
      setResult(
        r.ok
          ? { ok: true, text: t.audit.verifyOk(r.rows, at) }
          : { ok: false, text: t.audit.verifyBroken(r.brokenAt, r.reason) },
      );
    } catch (error) {
      setResult({ ok: false, text: `${t.errorPrefix}: ${failureText(base, error)}` });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="ics-panel">
      <h3>{t.audit.verifyHeading}</h3>
      <button type="button" className="ic-button" disabled={busy} onClick={() => void verify()}>
        {t.audit.verify}
      </button>
      <p role="status" data-testid="audit-verify" className={result?.ok === false ? 'icc-error' : undefined}>
        {result?.text ?? ''}
      </p>
    </div>
  );
}

function AccessSearch() {
  const { t, api, base, lang } = useSupervisor();
  const [subject, setSubject] = useState('');
  const [found, setFound] = useState<Access[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const r = await api.get<{ accesses: Access[] }>(
        `/api/supervisor/audit/accesses?subject=${encodeURIComponent(subject.trim())}`,
      );
      setFound(r.accesses);
    } catch (e) {
      setFound(null);
      setError(`${t.errorPrefix}: ${failureText(base, e)}`);
    }
  }
  return (
    <div className="ics-panel">
      <h3>{t.audit.searchHeading}</h3>
      <p className="ic-muted">{t.audit.searchHint}</p>
      <form onSubmit={(e) => void search(e)} className="ics-inline-form">
        <label>
          {t.audit.subject}{' '}
          <input
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="ic-button" disabled={subject.trim() === ''}>
          {t.audit.search}
        </button>
      </form>
      {error && (
        <p role="alert" className="icc-error">
          {error}
        </p>
      )}
      {found && found.length === 0 && <p>{t.audit.none}</p>}
      {found && found.length > 0 && (
        <table className="ics-table" data-testid="audit-accesses">
          <thead>
            <tr>
              <th scope="col">{t.audit.at}</th>
              <th scope="col">{t.audit.actor}</th>
              <th scope="col">{t.audit.what}</th>
              <th scope="col">{t.audit.purpose}</th>
              <th scope="col">{t.audit.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((a) => (
              <tr key={`${a.at}-${a.actorName}-${a.what}-${a.purpose}`}>
                <td>{formatDateTime(lang, a.at)}</td>
                <td>
                  {a.actorName} ({a.actorRole})
                </td>
                <td>{a.what}</td>
                <td>{a.purpose}</td>
                <td>{a.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
