import { type Audience, PROVINCES, REGIONS, type RolloutPhase } from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';
import { useSupervisor } from '../session/useSupervisor.ts';
import type { MapSelection, MapStates } from './RolloutMap.tsx';
import { selectionState } from './rollout-model.ts';

interface Props {
  states: MapStates;
  plan: { phases: RolloutPhase[] };
  audience: Audience;
  today: string;
  /** The region whose provinces are listed. */
  expanded: string | null;
  selected: MapSelection | null;
  onSelect: (s: MapSelection) => void;
}

/** The map's content as a list a keyboard and a screen reader can use: regions, then a region's provinces. */
export function PlaceList({ plan, audience, today, expanded, selected, onSelect }: Props) {
  const { t, lang } = useSupervisor();
  const describe = (s: MapSelection) => {
    const state = selectionState(plan.phases, audience, s, today);
    return state.state === 'scheduled'
      ? t.rollout.scheduledFrom(formatDate(lang, state.from, 'medium'))
      : t.rollout.state[state.state];
  };
  const isSelected = (s: MapSelection) =>
    selected?.kind === s.kind &&
    (s.kind === 'region'
      ? selected.kind === 'region' && selected.istat === s.istat
      : selected.kind === 'province' && selected.sigla === s.sigla);

  return (
    <nav aria-labelledby="ics-place-list-heading" className="ics-place-list">
      <h3 id="ics-place-list-heading">{t.rollout.listHeading}</h3>
      <ul>
        {REGIONS.map((r) => {
          const region: MapSelection = { kind: 'region', istat: r.istat };
          const open = expanded === r.istat;
          return (
            <li key={r.istat}>
              <button
                type="button"
                className="ics-place"
                aria-expanded={open}
                aria-pressed={isSelected(region)}
                onClick={() => onSelect(region)}
              >
                <span>{r.name}</span> <span className="ic-muted">{describe(region)}</span>
              </button>
              {open && (
                <ul>
                  {PROVINCES.filter((p) => p.regionIstat === r.istat).map((p) => {
                    const province: MapSelection = { kind: 'province', sigla: p.sigla };
                    return (
                      <li key={p.sigla}>
                        <button
                          type="button"
                          className="ics-place"
                          aria-pressed={isSelected(province)}
                          onClick={() => onSelect(province)}
                        >
                          <span>
                            {p.name} ({p.sigla})
                          </span>{' '}
                          <span className="ic-muted">{describe(province)}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
