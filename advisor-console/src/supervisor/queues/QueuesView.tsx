import type { QueueOverview } from '@infocig/shared';
import { formatTime } from '@infocig/shared/client';
import { useSupervisor, useSupervisorState } from '../session/useSupervisor.ts';

/** Each audience's queue now, pushed by the server as it changes. */
export function QueuesView() {
  const { t, lang } = useSupervisor();
  const { overview } = useSupervisorState();
  return (
    <section aria-labelledby="ics-queues-heading">
      <h2 id="ics-queues-heading">{t.queues.heading}</h2>
      {!overview ? (
        <p>{t.loading}</p>
      ) : (
        <>
          <p className="ic-muted" aria-live="off">
            {t.updatedAt(formatTime(lang, overview.at))}
          </p>
          <div className="ics-cards">
            {overview.queues.map((q) => (
              <QueueCard key={q.queue} queue={q} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function QueueCard({ queue: q }: { queue: QueueOverview }) {
  const { t } = useSupervisor();
  const id = `ics-queue-${q.queue}`;
  return (
    <article className="ics-card" aria-labelledby={id} data-testid={`queue-${q.queue}`}>
      <h3 id={id}>{t.audience[q.queue]}</h3>
      <dl className="ics-figures">
        <Figure label={t.queues.waiting} value={String(q.waiting)} name="waiting" />
        <Figure label={t.queues.longestWait} value={t.duration(q.oldestWaitingSeconds)} name="longest-wait" />
        <Figure label={t.queues.assigned} value={String(q.assigned)} name="assigned" />
        <Figure label={t.queues.waitMedian} value={t.duration(q.waitToAssignment.p50)} name="wait-p50" />
        <Figure label={t.queues.waitP90} value={t.duration(q.waitToAssignment.p90)} name="wait-p90" />
        <Figure
          label={t.queues.assignedLastHour}
          value={String(q.waitToAssignment.count)}
          name="assigned-hour"
        />
        <Figure label={t.queues.pastGrace} value={String(q.pastGrace)} name="past-grace" />
      </dl>
      <h4>{t.queues.advisors}</h4>
      <dl className="ics-figures ics-figures-small">
        {(['available', 'busy', 'paused', 'offline'] as const).map((state) => (
          <Figure
            key={state}
            label={t.advisorState[state]}
            value={String(q.advisors[state])}
            name={`advisors-${state}`}
          />
        ))}
      </dl>
    </article>
  );
}

function Figure({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <div className="ics-figure" data-figure={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
