import { BENEFIT_TYPE_LABELS } from '@infocig/shared';
import { errorText, formatDate, formatTime } from '@infocig/shared/client';
import { MessageList } from '@infocig/shared/ui';
import { isOwnMessage } from '../session/authorship.ts';
import type { ChatEntry } from '../session/state.ts';
import { subjectApplication } from '../session/subject.ts';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { ChatActions } from './ChatActions.tsx';
import { InternalNotes } from './InternalNotes.tsx';

/**
 * The selected chat. The whole view is keyed by its conversation, so switching chats replaces it:
 * nothing of one person's chat (its list, its composer, its read marks) is reused for another's.
 */
export function ChatPanel() {
  const { t } = useConsole();
  const { state } = useAdvisorSession();
  const chat = state.chats.find((c) => c.conversation.id === state.selectedId);
  if (!chat) {
    return (
      <section className="icc-column icc-chat" aria-label={t.chat.messages}>
        <p className="ic-muted">{t.chat.noneSelected}</p>
      </section>
    );
  }
  return <ChatView key={chat.conversation.id} chat={chat} />;
}

/** One chat: internal notes, its messages, whether the person is typing, and the actions. */
function ChatView({ chat }: { chat: ChatEntry }) {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  const c = chat.conversation;
  const application = subjectApplication(c);
  const self = { advisorId: state.selfId, name: state.identity?.displayName ?? '' };
  return (
    <section className="icc-column icc-chat" aria-labelledby="icc-chat-title" data-conversation-id={c.id}>
      <div className="icc-chat-head">
        <h2 id="icc-chat-title">{c.visitor.displayName}</h2>
        <p className="ic-muted">{t.chat.assignedAt(formatTime(lang, c.assignedAt))}</p>
        {c.topic && (
          <p>
            <span className="ic-label">{t.chat.topic}:</span> {c.topic}
          </p>
        )}
        {c.subject.companyName && (
          <p data-testid="icc-subject-company">
            <span className="ic-label">{t.chat.company}:</span> {c.subject.companyName}
          </p>
        )}
        {application && (
          <p data-testid="icc-subject-application">
            <span className="ic-label">{t.chat.application}:</span>{' '}
            {BENEFIT_TYPE_LABELS[application.benefitType][lang]} ·{' '}
            {t.claims.periodRange(
              formatDate(lang, application.periodFrom, 'medium'),
              formatDate(lang, application.periodTo, 'medium'),
            )}
            {application.protocolNumber && ` · ${application.protocolNumber}`}
          </p>
        )}
      </div>
      <InternalNotes conversationId={c.id} notes={c.notes} open={!chat.closedBy} />
      <MessageList
        conversationId={c.id}
        messages={chat.messages}
        ownAuthor="advisor"
        lang={lang}
        texts={t.chat}
        errors={t.errors}
        onResend={(m) => session.chats.resend(m.conversationId, m.clientMessageId)}
        isOwn={(m) => isOwnMessage(m, self)}
        nameOf={(m) => m.authorName || m.author}
        readUpTo={c.readUpTo.visitor}
        onSeen={() => void session.chats.markRead(c.id)}
      />
      <p className="icc-typing" data-testid="icc-typing">
        {chat.typingUntil !== null ? t.chat.typing(c.visitor.displayName) : ''}
      </p>
      <ChatActions chat={chat} />
      {state.commandError && (
        <p className="icc-error" role="alert">
          {t.errorPrefix}: {errorText(t, state.commandError)} <code>{state.commandError.code}</code>
        </p>
      )}
    </section>
  );
}
