import { describeChange, type RolloutPhase } from '@infocig/shared';
import { formatDate, formatDateTime } from '@infocig/shared/client';
import { useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';
import { type PlanVersion, placeName } from './rollout-model.ts';

/** Every version with who, when, why and what changed from the one before; the newest can be undone. */
export function RolloutHistory({
  history,
  onUndone,
}: {
  history: PlanVersion[];
  onUndone: (version: PlanVersion) => void;
}) {
  const { t, lang, api, base } = useSupervisor();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const phaseText = (p: RolloutPhase) =>
    `${t.audience[p.audience]} · ${t.rollout.phase(placeName(p.place, t.rollout.italy), formatDate(lang, p.from, 'medium'))}`;

  async function undo(version: number) {
    setBusy(true);
    setError(null);
    try {
      onUndone(await api.send<PlanVersion>('POST', '/api/supervisor/rollout/undo', { version }));
    } catch (e) {
      setError(`${t.errorPrefix}: ${failureText(base, e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ics-history-heading" className="ics-history">
      <h3 id="ics-history-heading">{t.rollout.history}</h3>
      {error && (
        <p role="alert" className="icc-error">
          {error}
        </p>
      )}
      <ol>
        {history.map((v, i) => {
          const previous = history[i + 1];
          const change = previous ? describeChange(previous.phases, v.phases) : null;
          return (
            <li key={v.version} data-testid={`rollout-version-${v.version}`}>
              <p>
                <strong>{t.rollout.version(v.version)}</strong>{' '}
                {t.rollout.by(v.changedBy, formatDateTime(lang, v.changedAt))}
                {' — '}
                {v.reason}
              </p>
              {change && (
                <ul className="ics-change">
                  {change.added.map((p) => (
                    <li key={`+${JSON.stringify(p)}`}>
                      {t.rollout.added}: {phaseText(p)}
                    </li>
                  ))}
                  {change.removed.map((p) => (
                    <li key={`-${JSON.stringify(p)}`}>
                      {t.rollout.removed}: {phaseText(p)}
                    </li>
                  ))}
                  {change.added.length + change.removed.length === 0 && <li>{t.rollout.unchanged}</li>}
                </ul>
              )}
              {i === 0 && previous && (
                <button
                  type="button"
                  className="ic-button ic-button-small ic-button-secondary"
                  disabled={busy}
                  onClick={() => void undo(v.version)}
                >
                  {t.rollout.undo}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
