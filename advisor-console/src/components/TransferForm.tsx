import { AUDIENCES, LIMITS } from '@infocig/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TransferTarget } from '../session/advisor-session.ts';
import type { Colleague } from '../session/state.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

const canTake = (c: Colleague) => c.availability === 'available' && c.activeChats < c.capacity;

/** Where the chat goes (a queue, or a colleague with a free slot) and the note they will read. */
export function TransferForm({ conversationId, onCancel }: { conversationId: string; onCancel: () => void }) {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const [target, setTarget] = useState<TransferTarget | null>(null);
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    void session.loadColleagues();
  }, [session]);

  // Oneself is not a destination; the protocol names colleagues but not who "I" am, so by name.
  const colleagues = (state.colleagues ?? []).filter((c) => c.name !== state.identity?.displayName);
  const chosen = (to: TransferTarget) =>
    target !== null &&
    ('queue' in to
      ? 'queue' in target && target.queue === to.queue
      : 'advisorId' in target && target.advisorId === to.advisorId);
  const targetGone =
    target !== null && 'advisorId' in target && !colleagues.some((c) => chosen(c) && canTake(c));
  const ready = target !== null && !targetGone && note.trim() !== '' && !state.busy;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) void session.transfer(conversationId, target, note);
  };
  const stateWord = (c: Colleague) =>
    c.availability === 'available' && !canTake(c) ? t.transfer.state.full : t.transfer.state[c.availability];

  return (
    <form className="icc-transfer" onSubmit={submit} aria-labelledby="icc-transfer-title">
      <h3 id="icc-transfer-title" ref={heading} tabIndex={-1}>
        {t.transfer.title}
      </h3>
      <fieldset>
        <legend>{t.transfer.target}</legend>
        {AUDIENCES.map((queue) => (
          <label key={queue} className="icc-check">
            <input
              type="radio"
              name="icc-transfer-to"
              checked={chosen({ queue })}
              onChange={() => setTarget({ queue })}
            />{' '}
            {t.transfer.queue(t.queue[queue])}
          </label>
        ))}
        <p className="ic-label">{t.transfer.colleagues}</p>
        {state.colleagues === null && <p className="ic-muted">{t.transfer.loading}</p>}
        {state.colleagues !== null && colleagues.length === 0 && (
          <p className="ic-muted">{t.transfer.none}</p>
        )}
        {colleagues.map((c) => (
          <label key={c.advisorId} className={canTake(c) ? 'icc-check' : 'icc-check icc-unavailable'}>
            <input
              type="radio"
              name="icc-transfer-to"
              disabled={!canTake(c)}
              checked={chosen(c)}
              onChange={() => setTarget({ advisorId: c.advisorId })}
            />{' '}
            {t.transfer.colleague(c.name, stateWord(c), c.activeChats, c.capacity)}
          </label>
        ))}
      </fieldset>
      <label className="ic-label" htmlFor="icc-transfer-note">
        {t.transfer.note}
      </label>
      <textarea
        id="icc-transfer-note"
        className="ic-input"
        rows={3}
        required
        maxLength={LIMITS.noteMaxChars}
        aria-describedby="icc-transfer-hint"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <p id="icc-transfer-hint" className="ic-muted ic-hint">
        {t.transfer.noteHint}
      </p>
      <div className="icc-actions">
        <button type="submit" className="ic-button" disabled={!ready}>
          {t.transfer.submit}
        </button>
        <button type="button" className="ic-button ic-button-secondary" onClick={onCancel}>
          {t.transfer.cancel}
        </button>
      </div>
    </form>
  );
}
