import { CASE_OUTCOMES, type CaseOutcome } from '@infocig/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** Before a chat closes, how the case ended: settled in the chat, follow-up opened, or referred to the office. */
export function CloseForm({ conversationId, onCancel }: { conversationId: string; onCancel: () => void }) {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  // Referred from this chat: the likely outcome is chosen already.
  const [outcome, setOutcome] = useState<CaseOutcome | null>(
    state.referredTo[conversationId] ? 'referred_office' : null,
  );
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const ready = outcome !== null && !state.busy;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) void session.close(conversationId, outcome);
  };

  return (
    <form className="icc-close" onSubmit={submit} aria-labelledby="icc-close-outcome">
      <fieldset>
        <legend id="icc-close-outcome">{t.closeCase.outcome}</legend>
        {CASE_OUTCOMES.map((value, i) => (
          <label key={value} className="icc-check">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="icc-close-outcome"
              required
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />{' '}
            {t.closeCase.outcomes[value]}
          </label>
        ))}
      </fieldset>
      <div className="icc-actions">
        <button type="submit" className="ic-button" disabled={!ready}>
          {t.closeCase.submit}
        </button>
        <button type="button" className="ic-button ic-button-secondary" onClick={onCancel}>
          {t.closeCase.cancel}
        </button>
      </div>
    </form>
  );
}
