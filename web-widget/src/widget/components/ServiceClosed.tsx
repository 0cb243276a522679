import { describeServiceHours, formatOpening } from '@infocig/shared/client';
import type { VisitorState } from '../session/state.ts';
import { useWidget } from '../session/useVisitorSession.ts';
import { FollowUpForm } from './FollowUpForm.tsx';

/** Outside service hours: when advisors are on duty, when they are back, and a message to leave meanwhile. */
export function ServiceClosed({
  service,
  topic = '',
}: {
  service: NonNullable<VisitorState['service']>;
  /** What the refused chat request was about, to start the message from. */
  topic?: string;
}) {
  const { t, lang } = useWidget();
  const hours = describeServiceHours(lang, service.hours);
  return (
    <div className="icw-request">
      <div className="icw-notice icw-notice-neutral" data-testid="icw-service-closed">
        <p className="ic-strong">{t.service.closed}</p>
        {hours && <p>{t.service.hours(hours)}</p>}
        {service.opensAt && <p>{t.service.opensAt(formatOpening(lang, service.opensAt))}</p>}
        <p>{t.service.leaveMessage}</p>
      </div>
      <FollowUpForm initialTopic={topic} />
    </div>
  );
}
