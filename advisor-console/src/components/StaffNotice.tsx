import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** A supervisor's newest announcement, above the work, until the advisor dismisses it. */
export function StaffNotice() {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const notice = state.staffNotice;
  if (!notice) return null;
  return (
    <section className="icc-staff-notice" aria-labelledby="icc-staff-notice-title">
      <h2 id="icc-staff-notice-title">{t.staffNotice.title(notice.from)}</h2>
      <p>{notice.text}</p>
      <button
        type="button"
        className="ic-button ic-button-secondary"
        onClick={() => session.dismissStaffNotice()}
      >
        {t.staffNotice.dismiss}
      </button>
    </section>
  );
}
