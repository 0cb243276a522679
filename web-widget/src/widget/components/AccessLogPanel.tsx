import type { AccessLogEntry } from '@infocig/shared';
import { errorText, formatDateTime } from '@infocig/shared/client';
import type { SyntheticEvent } from 'react';
import { accessPurpose, accessRole, accessWhat } from '../i18n/access-words.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

function EntryRow({ e }: { e: AccessLogEntry }) {
  const { t, lang } = useWidget();
  const refused = e.outcome === 'refused';
  return (
    <tr className={refused ? 'icw-refused' : undefined}>
      <td className="icw-nowrap">{formatDateTime(lang, e.at)}</td>
      <td>{e.actorName}</td>
      <td>{accessRole(lang, e.actorRole)}</td>
      <td>{accessWhat(t, e.what)}</td>
      <td>{accessPurpose(t, e.purpose)}</td>
      <td>
        <span className={`icw-badge icw-tone-${refused ? 'bad' : 'ok'}`}>
          {refused ? t.privacy.refused : t.privacy.granted}
        </span>
      </td>
    </tr>
  );
}

/** "Who has seen my data": collapsed until asked, then read from the access audit. */
export function AccessLogPanel() {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const log = state.accessLog;
  const connected = state.connection.kind === 'connected';
  const toggled = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open && log.entries === null && connected) void session.claims.loadAccessLog();
  };
  return (
    <section className="icw-section icw-privacy" aria-labelledby="icw-privacy-title">
      <details onToggle={toggled}>
        <summary>
          <h3 id="icw-privacy-title">{t.privacy.title}</h3>
        </summary>
        <p className="ic-muted">{t.privacy.intro}</p>
        {log.loading && <p className="ic-muted">{t.privacy.loading}</p>}
        {log.error && (
          <p className="ic-error-text">
            {t.errorPrefix}: {errorText(t, log.error)} <code>{log.error.code}</code>
          </p>
        )}
        {log.entries?.length === 0 && <p>{t.privacy.none}</p>}
        {log.entries && log.entries.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: on narrow screens the table scrolls; keyboards must reach it
          <section className="icw-table-wrap" tabIndex={0} aria-label={t.privacy.caption}>
            <table className="icw-table">
              <caption>{t.privacy.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.privacy.at}</th>
                  <th scope="col">{t.privacy.who}</th>
                  <th scope="col">{t.privacy.role}</th>
                  <th scope="col">{t.privacy.what}</th>
                  <th scope="col">{t.privacy.purpose}</th>
                  <th scope="col">{t.privacy.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced whole on each load
                  <EntryRow key={`${e.at}-${i}`} e={e} />
                ))}
              </tbody>
            </table>
          </section>
        )}
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          disabled={!connected || log.loading}
          onClick={() => void session.claims.loadAccessLog()}
        >
          {t.privacy.refresh}
        </button>
      </details>
    </section>
  );
}
