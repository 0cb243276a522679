import { ROLE_LABELS } from '@infocig/shared';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';

export function ChatList() {
  const { t, lang } = useConsole();
  const { state, session } = useAdvisorSession();
  return (
    <nav className="icc-chatlist" aria-labelledby="icc-chats-title">
      <h2 id="icc-chats-title">{t.chats.title}</h2>
      {state.chats.length === 0 ? (
        <p className="ic-muted">{t.chats.none}</p>
      ) : (
        <ul>
          {state.chats.map(({ conversation: c, unread, closedBy }) => (
            <li key={c.id}>
              <button
                type="button"
                className="icc-chatlist-item"
                aria-current={state.selectedId === c.id ? 'true' : undefined}
                onClick={() => session.select(c.id)}
              >
                <span className="icc-chatlist-name">
                  {c.visitor.displayName}
                  {unread > 0 && (
                    <span className="icc-unread">
                      <span aria-hidden="true">{unread}</span>
                      <span className="ic-sr-only">{t.chats.unread(unread)}</span>
                    </span>
                  )}
                </span>
                <span className="ic-muted icc-block">
                  {ROLE_LABELS[c.visitor.role][lang]}
                  {closedBy && ` · ${t.chats.closed}`}
                </span>
                <span className="icc-chatlist-topic">{c.topic || t.chats.noTopic}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
