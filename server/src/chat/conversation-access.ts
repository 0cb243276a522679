import { LIMITS } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';
import type { ChatServiceDeps } from './chat-service.ts';
import { type ConversationRecord, isParticipant, type Participant } from './conversation-record.ts';
import { advisorView } from './visitor-views.ts';

/** Who may reach a conversation, and what an advisor sees of one; both audited. */
export function createConversationAccess(
  deps: Pick<ChatServiceDeps, 'conversations' | 'pool' | 'claims' | 'audit'>,
) {
  const { conversations, pool } = deps;

  /** Everything the advisor needs about a chat they hold; reading it is audited. */
  async function assignedView(record: ConversationRecord, advisorId: string) {
    const [claims, history, notes] = await Promise.all([
      deps.claims.visibleTo(record.visitor, record.subject),
      conversations.history(record.id, 0, LIMITS.historyPageMax),
      conversations.notes(record.id),
    ]);
    await deps.audit.record({
      actor: advisorId,
      actorName: await pool.nameOf(advisorId),
      actorRole: 'advisor',
      subject: record.visitor.codiceFiscale,
      what: 'claims,transcript',
      purpose: 'assigned chat',
      conversationId: record.id,
    });
    return advisorView(record, claims, history.messages, notes);
  }

  /**
   * The conversation, if `who` takes part in it. An advisor reaching for a conversation that is not
   * theirs is refused and the attempt recorded in the access audit: it would expose someone's data.
   */
  async function participantOf(conversationId: string, who: Participant): Promise<ConversationRecord> {
    const record = await conversations.get(conversationId);
    if (!record) throw new AppError('CONVERSATION_NOT_FOUND');
    if (isParticipant(record, who)) return record;
    if (who.kind === 'advisor') {
      await deps.audit.record({
        actor: who.advisorId,
        actorName: who.name,
        actorRole: 'advisor',
        subject: record.visitor.codiceFiscale,
        what: 'transcript',
        purpose: 'conversation not assigned to the advisor',
        conversationId,
        outcome: 'refused',
      });
    }
    throw new AppError('CONVERSATION_FORBIDDEN');
  }

  return { assignedView, participantOf };
}
