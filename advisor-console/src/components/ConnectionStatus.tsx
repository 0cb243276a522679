import { errorText, formatTime } from '@infocig/shared/client';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/**
 * The connection's state in words, with the error's message and a retry once it gave up, and a
 * calm warning when the session could not be renewed and will end.
 */
export function ConnectionStatus() {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const c = state.connection;
  return (
    <div className="icc-connection">
      <span className={`icc-dot icc-dot-${c.kind}`} aria-hidden="true" />
      <span>{t.connection[c.kind]}</span>
      {c.kind === 'reconnecting' && c.lastError && (
        <span className="ic-muted">({errorText(t, c.lastError)})</span>
      )}
      {c.kind === 'error' && (
        <>
          <span className="icc-error" role="alert">
            {errorText(t, c.error)} <code>{c.error.code}</code>
          </span>
          <button type="button" className="ic-button ic-button-small" onClick={() => session.connect()}>
            {t.retry}
          </button>
        </>
      )}
      {state.sessionEndsAt !== null && c.kind !== 'error' && (
        <p className="icc-notice" role="status">
          {t.sessionEnding(formatTime(lang, new Date(state.sessionEndsAt).toISOString()))}
        </p>
      )}
    </div>
  );
}
