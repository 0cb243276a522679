import { AUDIENCES } from '@infocig/shared';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** How many wait in each queue this advisor serves (only queues the server reported). */
export function QueueStats() {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  const known = AUDIENCES.filter((a) => state.queueStats[a] !== undefined);
  if (known.length === 0) return null;
  return (
    <section className="icc-queue" aria-label={t.queue.title}>
      <span>{t.queue.title}:</span>
      <ul>
        {known.map((a) => (
          <li key={a}>
            {t.queue[a]}: <strong>{t.queue.waiting(state.queueStats[a] ?? 0)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
