import { CANNED_LANGUAGES, LIMITS } from '@infocig/shared';
import { type FormEvent, useState } from 'react';
import { PLACEHOLDERS } from '../session/canned.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

/** The advisor's own canned replies: listed, added and deleted here; used with `/` in a reply. */
export function CannedRepliesPanel() {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const [open, setOpen] = useState(false);
  const [replyLang, setReplyLang] = useState(lang);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const own = (state.canned ?? []).filter((r) => !r.shared);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await session.saveCanned({ lang: replyLang, title, text })) {
      setTitle('');
      setText('');
    }
  };
  const c = t.cannedPanel;
  return (
    <section className="icc-canned" aria-labelledby="icc-canned-title">
      <h2 id="icc-canned-title">{c.title}</h2>
      <button
        type="button"
        className="ic-button ic-button-small ic-button-secondary"
        aria-expanded={open}
        aria-controls="icc-canned-body"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? c.hide : c.show}
      </button>
      <div id="icc-canned-body" hidden={!open}>
        {own.length === 0 ? (
          <p className="ic-muted icc-small">{c.none}</p>
        ) : (
          <ul className="icc-canned-list">
            {own.map((r) => (
              <li key={r.id}>
                <span className="ic-strong">{r.title}</span>{' '}
                <span className="ic-muted icc-small">({r.lang.toUpperCase()})</span>
                <button
                  type="button"
                  className="ic-button ic-button-small ic-button-secondary"
                  onClick={() => void session.deleteCanned(r.id)}
                >
                  {c.remove(r.title)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="icc-canned-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="icc-canned-lang" className="ic-label">
            {c.lang}
          </label>
          <select
            id="icc-canned-lang"
            value={replyLang}
            onChange={(e) => setReplyLang(e.target.value as (typeof CANNED_LANGUAGES)[number])}
          >
            {CANNED_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {c.langName[l]}
              </option>
            ))}
          </select>
          <label htmlFor="icc-canned-name" className="ic-label">
            {c.name}
          </label>
          <input
            id="icc-canned-name"
            className="ic-input"
            maxLength={LIMITS.cannedTitleMaxChars}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="icc-canned-text" className="ic-label">
            {c.text}
          </label>
          <textarea
            id="icc-canned-text"
            className="ic-input"
            rows={3}
            maxLength={LIMITS.messageTextMaxChars}
            aria-describedby="icc-canned-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p id="icc-canned-hint" className="ic-muted icc-small">
            {c.placeholders(PLACEHOLDERS.map((p) => `{${p}}`).join(' '))}
          </p>
          <button
            type="submit"
            className="ic-button ic-button-small"
            disabled={!title.trim() || !text.trim() || state.connection.kind !== 'connected'}
          >
            {c.save}
          </button>
        </form>
      </div>
    </section>
  );
}
