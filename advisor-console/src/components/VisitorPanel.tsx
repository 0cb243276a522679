import { ROLE_LABELS } from '@infocig/shared';
import { useAdvisorSession, useConsole } from '../session/useAdvisorSession.ts';
import { ClaimsList } from './ClaimsList.tsx';

/** Who the selected chat's visitor is (from their verified token) and their claims. */
export function VisitorPanel() {
  const { t, lang } = useConsole();
  const { state } = useAdvisorSession();
  const chat = state.chats.find((c) => c.conversation.id === state.selectedId);
  if (!chat) return <aside className="icc-column icc-visitor" aria-label={t.visitor.title} />;
  const v = chat.conversation.visitor;
  return (
    <aside className="icc-column icc-visitor" aria-labelledby="icc-visitor-title">
      <h2 id="icc-visitor-title">{t.visitor.title}</h2>
      <dl className="icc-facts">
        <div>
          <dt>{t.visitor.role}</dt>
          <dd>{ROLE_LABELS[v.role][lang]}</dd>
        </div>
        <div>
          <dt>{t.visitor.codiceFiscale}</dt>
          <dd className="icc-mono">{v.codiceFiscale}</dd>
        </div>
        {v.province && (
          <div>
            <dt>{t.visitor.province}</dt>
            <dd>{v.province}</dd>
          </div>
        )}
        {v.companyName && (
          <div>
            <dt>{t.visitor.company}</dt>
            <dd>{v.companyName}</dd>
          </div>
        )}
      </dl>
      <p className="ic-muted icc-small">{t.visitor.accessNote}</p>
      <ClaimsList
        claims={chat.conversation.claims}
        subjectId={chat.conversation.subject.applicationId ?? null}
      />
    </aside>
  );
}
