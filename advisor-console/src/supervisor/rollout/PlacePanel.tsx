import { type Audience, closePlace, openPlace, type RolloutPhase } from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';
import { ReachSummary } from './ReachSummary.tsx';
import type { MapSelection } from './RolloutMap.tsx';
import { type PlanVersion, placeName, placeOf, type ReachPreview, selectionState } from './rollout-model.ts';

interface Props {
  plan: PlanVersion;
  audience: Audience;
  selected: MapSelection | null;
  today: string;
  onSaved: (version: PlanVersion, notice: string) => void;
}

interface Proposal {
  phases: RolloutPhase[];
  description: string;
  preview: ReachPreview;
}

/** The chosen place: its state, and opening, scheduling or closing it after a preview of who it admits. */
export function PlacePanel({ plan, audience, selected, today, onSaved }: Props) {
  const { t, lang, api, base } = useSupervisor();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!selected) return <p className="ics-panel">{t.rollout.selectPrompt}</p>;
  const place = placeOf(selected);
  const name = placeName(place, t.rollout.italy);
  const state = selectionState(plan.phases, audience, selected, today);
  const stateText =
    state.state === 'scheduled'
      ? t.rollout.scheduledFrom(formatDate(lang, state.from, 'medium'))
      : t.rollout.state[state.state];

  async function propose(phases: RolloutPhase[], description: string) {
    setBusy(true);
    setError(null);
    try {
      const preview = await api.send<ReachPreview>('POST', '/api/supervisor/rollout/preview', { phases });
      setProposal({ phases, description, preview });
    } catch (e) {
      setError(`${t.errorPrefix}: ${failureText(base, e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.send<PlanVersion>('PUT', '/api/supervisor/rollout', {
        phases: proposal.phases,
        reason,
        basedOn: plan.version,
      });
      setProposal(null);
      setReason('');
      onSaved(saved, t.rollout.saved(saved.version));
    } catch (e) {
      setError(`${t.errorPrefix}: ${failureText(base, e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ics-panel" aria-labelledby="ics-place-heading" data-testid="rollout-place">
      <h3 id="ics-place-heading">
        {t.rollout.selected}: {name}
      </h3>
      <p>
        {t.audience[audience]}: <strong>{stateText}</strong>
      </p>
      {!proposal && (
        <div className="ics-actions ics-wrap">
          <button
            type="button"
            className="ic-button"
            disabled={busy || state.state === 'open'}
            onClick={() =>
              void propose(openPlace(plan.phases, audience, place, today), t.rollout.change.open(name))
            }
          >
            {t.rollout.openNow}
          </button>
          <label>
            {t.rollout.scheduleDate}{' '}
            <input type="date" min={today} value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <button
            type="button"
            className="ic-button ic-button-secondary"
            disabled={busy || !date || date < today}
            onClick={() =>
              void propose(
                openPlace(plan.phases, audience, place, date),
                t.rollout.change.schedule(name, formatDate(lang, date, 'medium')),
              )
            }
          >
            {t.rollout.schedule}
          </button>
          <button
            type="button"
            className="ic-button ic-button-secondary"
            disabled={busy || state.state === 'closed'}
            onClick={() =>
              void propose(closePlace(plan.phases, audience, place), t.rollout.change.close(name))
            }
          >
            {t.rollout.close}
          </button>
        </div>
      )}
      {proposal && (
        <form onSubmit={(e) => void save(e)} className="ics-proposal" data-testid="rollout-preview">
          <h4>{t.rollout.preview(proposal.description)}</h4>
          <ReachSummary preview={proposal.preview} />
          <label className="ics-block">
            {t.rollout.reason}
            <input
              value={reason}
              minLength={3}
              maxLength={500}
              required
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="ics-actions">
            <button type="submit" className="ic-button" disabled={busy || reason.trim().length < 3}>
              {t.rollout.confirm}
            </button>
            <button type="button" className="ic-button ic-button-secondary" onClick={() => setProposal(null)}>
              {t.rollout.discard}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="icc-error">
          {error}
        </p>
      )}
    </section>
  );
}
