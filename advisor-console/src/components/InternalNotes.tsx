import { type AssignedConversation, LIMITS } from '@infocig/shared';
import { formatDateTime } from '@infocig/shared/client';
import { type FormEvent, useState } from 'react';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/**
 * Advisors' notes on the chat (added at any time, or with a transfer): for colleagues only, and
 * marked so on each one. While the chat is open, the advisor holding it can add one.
 */
export function InternalNotes({
  conversationId,
  notes,
  open,
}: {
  conversationId: string;
  notes: AssignedConversation['notes'];
  open: boolean;
}) {
  const { t, lang } = useConsole();
  const [writing, setWriting] = useState(false);
  if (notes.length === 0 && !open) return null;
  return (
    <section className="icc-notes" aria-labelledby="icc-notes-title">
      <h3 id="icc-notes-title">{t.chat.notes}</h3>
      {notes.length > 0 && (
        <ul>
          {notes.map((n) => (
            <li key={`${n.at}-${n.authorName}`} className="icc-note">
              <p className="icc-note-label">{t.chat.noteLabel}</p>
              <p className="ic-muted icc-small">{t.chat.noteBy(n.authorName, formatDateTime(lang, n.at))}</p>
              <p className="ic-message-text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      {open &&
        (writing ? (
          <NoteForm conversationId={conversationId} onDone={() => setWriting(false)} />
        ) : (
          <button
            type="button"
            className="ic-button ic-button-small ic-button-secondary"
            onClick={() => setWriting(true)}
          >
            {t.chat.addNote}
          </button>
        ))}
    </section>
  );
}

function NoteForm({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const { t } = useConsole();
  const { state, session } = useAdvisorSession();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await session.addNote(conversationId, text)) onDone();
  };
  return (
    <form className="icc-note-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="icc-note-text" className="ic-label">
        {t.chat.noteText}
      </label>
      <textarea
        id="icc-note-text"
        className="ic-input"
        rows={2}
        maxLength={LIMITS.noteMaxChars}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the advisor just asked to write a note
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
      <div className="icc-actions">
        <button
          type="submit"
          className="ic-button ic-button-small"
          disabled={state.busy || text.trim() === ''}
        >
          {t.chat.saveNote}
        </button>
        <button type="button" className="ic-button ic-button-small ic-button-secondary" onClick={onDone}>
          {t.chat.cancelNote}
        </button>
      </div>
    </form>
  );
}
