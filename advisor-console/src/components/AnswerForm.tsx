import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { useAdvisorSession } from '../session/useAdvisorSession.ts';

interface Props {
  /** Makes the field's id unique on the page. */
  id: string;
  label: string;
  submitLabel: string;
  /** True when the answer went out: the field then empties. */
  send: (text: string) => Promise<boolean>;
}

/** The answer to a person's message or referral, which reaches them in the widget. */
export function AnswerForm({ id, label, submitLabel, send }: Props) {
  const { state } = useAdvisorSession();
  const [answer, setAnswer] = useState('');
  const field = `icc-answer-${id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (answer.trim() && (await send(answer))) setAnswer('');
  };
  return (
    <form className="icc-followup-answer" onSubmit={(e) => void submit(e)}>
      <label htmlFor={field} className="ic-label">
        {label}
      </label>
      <textarea
        id={field}
        className="ic-input"
        rows={3}
        maxLength={LIMITS.messageTextMaxChars}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
      />
      <button
        type="submit"
        className="ic-button ic-button-small"
        disabled={!answer.trim() || state.busy || state.connection.kind !== 'connected'}
      >
        {submitLabel}
      </button>
    </form>
  );
}
