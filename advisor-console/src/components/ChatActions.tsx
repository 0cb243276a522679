import { Composer, type ComposerPicker } from '@infocig/shared/ui';
import { useState } from 'react';
import { claimFields, fillPlaceholders, filterReplies, slashQuery, subjectClaim } from '../session/canned.ts';
import type { ChatEntry } from '../session/state.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { CloseForm } from './CloseForm.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { TransferForm } from './TransferForm.tsx';

/** Drafts survive switching between chats (the composer is keyed by conversation). */
const drafts = new Map<string, string>();

function keepDraft(conversationId: string, text: string) {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}

/** Under the messages: the reply box, transfer and close; or, once closed, how it ended. Keyed by chat. */
export function ChatActions({ chat }: { chat: ChatEntry }) {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const [transferring, setTransferring] = useState(false);
  const [closing, setClosing] = useState(false);
  const [referring, setReferring] = useState(false);
  const id = chat.conversation.id;
  // Typing `/` at the start of the reply offers the canned replies, filled from the chat's claim.
  const claim = subjectClaim(chat.conversation);
  const picker: ComposerPicker = {
    texts: t.chat.canned,
    optionsFor: (draft) => {
      const query = slashQuery(draft);
      if (query === null) return null;
      return filterReplies(state.canned ?? [], query, lang).map((r) => ({
        id: r.id,
        label: r.title,
        detail: t.chat.cannedDetail(r.lang, r.shared),
        text: fillPlaceholders(r.text, claimFields(claim, r.lang)),
      }));
    },
  };

  if (chat.closedBy) {
    return (
      <div className="icc-notice">
        <p>
          <strong>{t.chat.closed}</strong> {t.chat.closedBy[chat.closedBy]}
          {chat.closeReason && ` ${t.chat.closeReason[chat.closeReason]}`}
        </p>
        <button type="button" className="ic-button ic-button-secondary" onClick={() => session.dismiss(id)}>
          {t.chat.dismiss}
        </button>
      </div>
    );
  }
  if (referring) return <ReferralForm chat={chat} onDone={() => setReferring(false)} />;
  if (transferring) return <TransferForm conversationId={id} onCancel={() => setTransferring(false)} />;
  // Closing asks first how the case ended, then confirms.
  if (closing) return <CloseForm conversationId={id} onCancel={() => setClosing(false)} />;
  return (
    <>
      <Composer
        texts={t.chat}
        // Written while offline, a reply waits as pending and goes out on reconnect.
        onSend={(text) => session.chats.send(id, text)}
        initialText={drafts.get(id)}
        picker={picker}
        onTextChange={(text) => {
          keepDraft(id, text);
          session.chats.draftChanged(id, text);
        }}
      />
      {state.referredTo[id] && <p className="ic-muted icc-small">{t.referrals.sent(state.referredTo[id])}</p>}
      <div className="icc-actions">
        <button
          type="button"
          className="ic-button ic-button-secondary"
          disabled={state.busy || state.connection.kind !== 'connected'}
          onClick={() => setTransferring(true)}
        >
          {t.transfer.open}
        </button>
        {chat.conversation.claims.length > 0 && (
          <button
            type="button"
            className="ic-button ic-button-secondary"
            disabled={state.busy || state.connection.kind !== 'connected'}
            onClick={() => setReferring(true)}
          >
            {t.referrals.open}
          </button>
        )}
        <button
          type="button"
          className="ic-button ic-button-secondary"
          disabled={state.busy}
          onClick={() => setClosing(true)}
        >
          {t.chat.close}
        </button>
      </div>
    </>
  );
}
