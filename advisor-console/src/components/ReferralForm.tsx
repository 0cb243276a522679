import { BENEFIT_TYPE_LABELS, LIMITS } from '@infocig/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { subjectClaim } from '../session/canned.ts';
import type { ChatEntry } from '../session/state.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** Passes the person's question, with one of the chat's claims, to the INPS office that owns it. */
export function ReferralForm({ chat, onDone }: { chat: ChatEntry; onDone: () => void }) {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const { claims } = chat.conversation;
  const [applicationId, setApplicationId] = useState(
    subjectClaim(chat.conversation)?.applicationId ?? claims[0]?.applicationId ?? '',
  );
  const [question, setQuestion] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const ready = applicationId !== '' && question.trim() !== '' && !state.busy;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready && (await session.referrals.open(chat.conversation.id, applicationId, question))) onDone();
  };

  return (
    <form className="icc-transfer" onSubmit={(e) => void submit(e)} aria-labelledby="icc-referral-title">
      <h3 id="icc-referral-title" ref={heading} tabIndex={-1}>
        {t.referrals.title}
      </h3>
      <label className="ic-label" htmlFor="icc-referral-claim">
        {t.referrals.claim}
      </label>
      <select
        id="icc-referral-claim"
        className="ic-input"
        value={applicationId}
        onChange={(e) => setApplicationId(e.target.value)}
      >
        {claims.map((c) => (
          <option key={c.applicationId} value={c.applicationId}>
            {t.referrals.claimOption(BENEFIT_TYPE_LABELS[c.benefitType][lang], c.companyName, c.inpsOffice)}
          </option>
        ))}
      </select>
      <label className="ic-label" htmlFor="icc-referral-question">
        {t.referrals.question}
      </label>
      <textarea
        id="icc-referral-question"
        className="ic-input"
        rows={3}
        required
        maxLength={LIMITS.noteMaxChars}
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <div className="icc-actions">
        <button type="submit" className="ic-button" disabled={!ready}>
          {t.referrals.submit}
        </button>
        <button type="button" className="ic-button ic-button-secondary" onClick={onDone}>
          {t.referrals.cancel}
        </button>
      </div>
    </form>
  );
}
