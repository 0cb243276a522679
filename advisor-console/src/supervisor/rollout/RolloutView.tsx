import { AUDIENCES, type Audience, italianDay, REGIONS } from '@infocig/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';
import { PlaceList } from './PlaceList.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { RolloutHistory } from './RolloutHistory.tsx';
import { type MapLevel, type MapSelection, RolloutMap } from './RolloutMap.tsx';
import { mapStates, type PlanVersion, placeName, placeOf } from './rollout-model.ts';

/** The rollout on a map of Italy and in a list: who is admitted where, and changes to it. */
export function RolloutView() {
  const { t, api, base } = useSupervisor();
  const [audience, setAudience] = useState<Audience>('workers');
  const [level, setLevel] = useState<MapLevel>({ kind: 'italy' });
  const [selected, setSelected] = useState<MapSelection | null>(null);
  const [plan, setPlan] = useState<PlanVersion | null>(null);
  const [history, setHistory] = useState<PlanVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const today = italianDay(new Date());

  const reload = useCallback(async () => {
    try {
      const [current, past] = await Promise.all([
        api.get<PlanVersion>('/api/supervisor/rollout'),
        api.get<{ versions: PlanVersion[] }>('/api/supervisor/rollout/history'),
      ]);
      setPlan(current);
      setHistory(past.versions);
      setError(null);
    } catch (e) {
      setError(`${t.errorPrefix}: ${failureText(base, e)}`);
    }
  }, [api, base, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const states = useMemo(
    () => (plan ? mapStates(plan.phases, audience, today) : null),
    [plan, audience, today],
  );

  const select = (s: MapSelection) => {
    setSelected(s);
    if (s.kind === 'region') setLevel({ kind: 'region', istat: s.istat });
  };
  const levelName =
    level.kind === 'italy'
      ? t.rollout.italy
      : (REGIONS.find((r) => r.istat === level.istat)?.name ?? level.istat);

  return (
    <section aria-labelledby="ics-rollout-heading" className="ics-rollout">
      <h2 id="ics-rollout-heading">{t.rollout.heading}</h2>
      <p>{t.rollout.intro}</p>
      <fieldset className="ics-audience">
        <legend>{t.rollout.audience}</legend>
        {AUDIENCES.map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="ics-audience"
              checked={audience === a}
              onChange={() => setAudience(a)}
            />{' '}
            {t.audience[a]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="icc-error">
          {error}
        </p>
      )}
      <p role="status">{notice}</p>
      {plan && states && (
        <div className="ics-rollout-grid">
          <div className="ics-map">
            {level.kind === 'region' && (
              <button
                type="button"
                className="icc-link-button"
                onClick={() => {
                  setLevel({ kind: 'italy' });
                  setSelected(null);
                }}
              >
                {t.rollout.backToItaly}
              </button>
            )}
            <RolloutMap
              level={level}
              states={states}
              labels={{ state: t.rollout.state, legend: t.rollout.legend }}
              onSelect={select}
              title={t.rollout.mapTitle(t.audience[audience], levelName)}
            />
          </div>
          <div className="ics-rollout-side">
            <PlacePanel
              key={`${audience}-${selected ? placeName(placeOf(selected), '') : ''}`}
              plan={plan}
              audience={audience}
              selected={selected}
              today={today}
              onSaved={(version, text) => {
                setNotice(text);
                setPlan(version);
                void reload();
              }}
            />
            <PlaceList
              states={states}
              plan={plan}
              audience={audience}
              today={today}
              expanded={level.kind === 'region' ? level.istat : null}
              selected={selected}
              onSelect={select}
            />
          </div>
        </div>
      )}
      <RolloutHistory
        history={history}
        onUndone={(version) => {
          setNotice(t.rollout.undone(version.version));
          void reload();
        }}
      />
    </section>
  );
}
