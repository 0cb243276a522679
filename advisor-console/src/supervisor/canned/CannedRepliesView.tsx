import { CANNED_LANGUAGES, type CannedReply, type CannedReplyDraft } from '@infocig/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';

const draftOf = ({ lang, title, text }: CannedReply): CannedReplyDraft => ({ lang, title, text });

/** The shared canned replies every advisor can use, edited as a list and saved whole. */
export function CannedRepliesView() {
  const { t, api, base } = useSupervisor();
  const [drafts, setDrafts] = useState<CannedReplyDraft[] | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get<{ replies: CannedReply[] }>('/api/supervisor/canned-replies')
      .then((r) => setDrafts(r.replies.map(draftOf)))
      .catch((e: unknown) => setStatus({ ok: false, text: `${t.errorPrefix}: ${failureText(base, e)}` }));
  }, [api, base, t]);

  const change = (i: number, patch: Partial<CannedReplyDraft>) =>
    setDrafts((list) => list?.map((d, j) => (j === i ? { ...d, ...patch } : d)) ?? null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!drafts) return;
    setBusy(true);
    try {
      const saved = await api.send<{ replies: CannedReply[] }>('PUT', '/api/supervisor/canned-replies', {
        replies: drafts,
      });
      setDrafts(saved.replies.map(draftOf));
      setStatus({ ok: true, text: t.canned.saved(saved.replies.length) });
    } catch (e) {
      setStatus({ ok: false, text: `${t.errorPrefix}: ${failureText(base, e)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ics-canned-heading">
      <h2 id="ics-canned-heading">{t.canned.heading}</h2>
      <p>{t.canned.intro}</p>
      <p role="status" className={status?.ok === false ? 'icc-error' : undefined}>
        {status?.text ?? ''}
      </p>
      {!drafts && <p>{t.loading}</p>}
      {drafts && (
        <form onSubmit={(e) => void save(e)}>
          <ol className="ics-canned-list">
            {drafts.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved; the list is edited in place.
              <li key={i} className="ics-panel">
                <fieldset>
                  <legend>{t.canned.reply(i + 1)}</legend>
                  <label>
                    {t.canned.lang}{' '}
                    <select
                      value={d.lang}
                      onChange={(e) => change(i, { lang: e.target.value as CannedReplyDraft['lang'] })}
                    >
                      {CANNED_LANGUAGES.map((l) => (
                        <option key={l} value={l}>
                          {t.canned.langName[l]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="ics-block">
                    {t.canned.title}
                    <input
                      value={d.title}
                      maxLength={80}
                      required
                      onChange={(e) => change(i, { title: e.target.value })}
                    />
                  </label>
                  <label className="ics-block">
                    {t.canned.text}
                    <textarea
                      value={d.text}
                      rows={3}
                      required
                      onChange={(e) => change(i, { text: e.target.value })}
                    />
                  </label>
                  <button
                    type="button"
                    className="ic-button ic-button-small ic-button-secondary"
                    onClick={() => setDrafts((list) => list?.filter((_, j) => j !== i) ?? null)}
                  >
                    {t.canned.remove(d.title || t.canned.reply(i + 1))}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <p className="ic-muted">{t.canned.placeholders}</p>
          <div className="ics-actions">
            <button
              type="button"
              className="ic-button ic-button-secondary"
              onClick={() => setDrafts((list) => [...(list ?? []), { lang: 'it', title: '', text: '' }])}
            >
              {t.canned.add}
            </button>
            <button type="submit" className="ic-button" disabled={busy}>
              {t.canned.save}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
