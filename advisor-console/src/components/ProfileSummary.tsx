import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** The queues served and capacity in one line, with the button that opens the settings. */
export function ProfileSummary({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  const p = state.profile;
  // The profile's `activeChats` is as of its last push; the chats on screen are current.
  const active = state.chats.filter((c) => !c.closedBy).length;
  return (
    <div className="icc-profile">
      {p && (
        <span data-testid="icc-profile">
          {t.profile.summary(p.queues.map((q) => t.queue[q]).join(', '), p.capacity, active)}
        </span>
      )}
      <button
        type="button"
        className="ic-button ic-button-small ic-button-secondary"
        aria-expanded={open}
        aria-controls="icc-settings"
        onClick={onToggle}
      >
        {t.profile.open}
      </button>
    </div>
  );
}
