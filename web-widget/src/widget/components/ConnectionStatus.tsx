import { errorText, formatTime } from '@infocig/shared/client';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

/**
 * The connection's state in words (not only colour), with the error and a retry when it gave up,
 * and a calm warning when the session could not be renewed and will end.
 */
export function ConnectionStatus() {
  const { t, lang } = useWidget();
  const { state, session } = useVisitorSession();
  const c = state.connection;
  return (
    <div className="icw-connection">
      <span className={`icw-dot icw-dot-${c.kind}`} aria-hidden="true" />
      <span>{t.connection[c.kind]}</span>
      {c.kind === 'error' && (
        <>
          <span className="ic-error-text" role="alert">
            {errorText(t, c.error)} <code>{c.error.code}</code>
          </span>
          <button type="button" className="ic-button ic-button-small" onClick={() => session.connect()}>
            {t.retry}
          </button>
        </>
      )}
      {state.sessionEndsAt !== null && c.kind !== 'error' && (
        <p className="icw-notice icw-notice-warn" role="status">
          {t.sessionEnding(formatTime(lang, new Date(state.sessionEndsAt).toISOString()))}
        </p>
      )}
    </div>
  );
}
