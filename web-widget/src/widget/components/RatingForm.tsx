import { LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { isRatable } from '../session/reducers.ts';
import type { VisitorConversationState } from '../session/state.ts';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * After the close: five stars (radio buttons in a fieldset) and an optional comment, sent once;
 * a thank-you afterwards, and the rating given when the chat comes back after a reload.
 */
export function RatingForm({ conversation }: { conversation: VisitorConversationState }) {
  const { t } = useWidget();
  const { state, session } = useVisitorSession();
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [justSent, setJustSent] = useState(false);
  const r = t.chat.rating;

  if (conversation.rating)
    return (
      <p className="icw-rating-done" role="status" data-testid="icw-rating-done">
        {justSent ? `${r.thanks} ` : ''}
        {r.given(conversation.rating.stars)}
      </p>
    );
  if (!isRatable(conversation)) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stars === null || state.busy) return;
    if (await session.chat.rate(stars, comment)) setJustSent(true);
  };

  return (
    <form className="icw-rating" data-testid="icw-rating" onSubmit={(e) => void submit(e)}>
      <fieldset className="icw-rating-stars">
        <legend>{r.legend}</legend>
        {STARS.map((n) => (
          <label key={n} className="icw-rating-star">
            <input
              type="radio"
              name="icw-rating-stars"
              value={n}
              checked={stars === n}
              required
              onChange={() => setStars(n)}
            />
            <span>{r.star(n)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="icw-rating-comment" className="ic-label">
        {r.comment}
      </label>
      <textarea
        id="icw-rating-comment"
        className="ic-input"
        rows={2}
        value={comment}
        maxLength={LIMITS.ratingCommentMaxChars}
        aria-describedby="icw-rating-count"
        onChange={(e) => setComment(e.target.value)}
      />
      <p id="icw-rating-count" className="ic-muted ic-hint">
        {t.chat.counter(comment.length, LIMITS.ratingCommentMaxChars)}
      </p>
      <button type="submit" className="ic-button" disabled={stars === null || state.busy}>
        {r.submit}
      </button>
    </form>
  );
}
