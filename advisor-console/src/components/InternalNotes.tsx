import type { AssignedConversation } from '@infocig/shared';
import { formatDateTime } from '@infocig/shared/client';
import { useConsole } from '../session/useAdvisorSession.ts';

/** Advisors' notes from transfers: for colleagues only, and marked so on each one. */
export function InternalNotes({ notes }: { notes: AssignedConversation['notes'] }) {
  const { t, lang } = useConsole();
  if (notes.length === 0) return null;
  return (
    <section className="icc-notes" aria-labelledby="icc-notes-title">
      <h3 id="icc-notes-title">{t.chat.notes}</h3>
      <ul>
        {notes.map((n) => (
          <li key={`${n.at}-${n.authorName}`} className="icc-note">
            <p className="icc-note-label">{t.chat.noteLabel}</p>
            <p className="ic-muted icc-small">{t.chat.noteBy(n.authorName, formatDateTime(lang, n.at))}</p>
            <p className="ic-message-text">{n.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
