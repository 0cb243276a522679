import { AUDIENCES } from '@infocig/shared';
import { useSupervisor } from '../session/useSupervisor.ts';
import type { Reach, ReachPreview } from './rollout-model.ts';

/** How many workers and companies of the claims store a proposed change lets in or shuts out. */
export function ReachSummary({ preview }: { preview: ReachPreview }) {
  const { t } = useSupervisor();
  const words = (reach: Record<'workers' | 'employers', Reach>) => {
    const parts = AUDIENCES.flatMap((a) => {
      const kind = a === 'workers' ? t.rollout.workersKind : t.rollout.companiesKind;
      return [
        reach[a].admitted ? t.rollout.admits(reach[a].admitted, kind) : null,
        reach[a].closed ? t.rollout.closes(reach[a].closed, kind) : null,
      ].filter((p): p is string => p !== null);
    });
    return parts.length ? parts.join('; ') : t.rollout.noEffect;
  };
  return (
    <dl className="ics-reach">
      <dt>{t.rollout.today}</dt>
      <dd data-testid="reach-today">{words(preview.today)}</dd>
      <dt>{t.rollout.later}</dt>
      <dd data-testid="reach-later">{words(preview.onceScheduledBegin)}</dd>
    </dl>
  );
}
