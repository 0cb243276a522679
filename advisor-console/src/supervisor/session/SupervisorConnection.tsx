import { errorText } from '@infocig/shared/client';
import { useSupervisor, useSupervisorState } from './useSupervisor.ts';

/** The live link's state in words, with the error and a retry once it gave up. */
export function SupervisorConnection() {
  const { base, session } = useSupervisor();
  const { connection: c } = useSupervisorState();
  return (
    <div className="icc-connection">
      <span className={`icc-dot icc-dot-${c.kind}`} aria-hidden="true" />
      <span>{base.connection[c.kind]}</span>
      {c.kind === 'error' && (
        <>
          <span className="icc-error" role="alert">
            {errorText(base, c.error)} <code>{c.error.code}</code>
          </span>
          <button type="button" className="ic-button ic-button-small" onClick={() => session.connect()}>
            {base.retry}
          </button>
        </>
      )}
    </div>
  );
}
