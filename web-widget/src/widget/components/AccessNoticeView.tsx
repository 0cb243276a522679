import type { AccessNotice } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

/** Access that ended meanwhile, said plainly where it matters (the live region reads it out). */
export function AccessNoticeView({ kind }: { kind: AccessNotice['kind'] }) {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const notice = state.accessNotice;
  if (notice?.kind !== kind) return null;
  return (
    <div className="icw-notice icw-notice-warn" data-testid="icw-access-notice">
      <p>{notice.kind === 'company-revoked' ? t.notices.revoked(notice.name) : t.notices.applicationGone}</p>
      <button
        type="button"
        className="ic-button ic-button-small ic-button-secondary"
        onClick={() => session.claims.dismissNotice()}
      >
        {t.notices.dismiss}
      </button>
    </div>
  );
}
