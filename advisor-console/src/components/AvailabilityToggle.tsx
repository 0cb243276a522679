import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** Available advisors receive new chats; pausing keeps the chats already held. */
export function AvailabilityToggle() {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const current = state.availability;
  const next = current === 'available' ? 'paused' : 'available';
  return (
    <div className="icc-availability">
      <span>
        {t.availability.label}:{' '}
        <strong className={`icc-availability-${current ?? 'unknown'}`} data-testid="availability">
          {current ? t.availability[current] : t.availability.unknown}
        </strong>
      </span>
      <button
        type="button"
        className={current === 'available' ? 'ic-button ic-button-secondary' : 'ic-button'}
        disabled={!current || state.busy || state.connection.kind !== 'connected'}
        onClick={() => void session.setAvailability(next)}
      >
        {current === 'available' ? t.availability.goPaused : t.availability.goAvailable}
      </button>
    </div>
  );
}
