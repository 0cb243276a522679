import { formatDate } from '@infocig/shared/client';
import type { Admission } from '../session/state.ts';
import { useWidget } from '../session/useVisitorSession.ts';

/** The rollout has not reached this person yet: say so plainly, and from when if it is planned. */
export function NotYetAvailable({ admission }: { admission: Admission }) {
  const { t, lang } = useWidget();
  return (
    <section className="icw-section" aria-labelledby="icw-not-yet-title">
      <div className="icw-notice icw-notice-neutral" data-testid="icw-not-yet">
        <h3 id="icw-not-yet-title">{t.admission.title}</h3>
        <p>
          {admission.availableFrom
            ? t.admission.from(formatDate(lang, admission.availableFrom, 'long'))
            : t.admission.noDate}
        </p>
        <p>{t.admission.meanwhile}</p>
      </div>
    </section>
  );
}
