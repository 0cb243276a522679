import { LIMITS } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';
import type { ChatServiceDeps } from './chat-service.ts';
import { type ClosedConversation, pageOf } from './closed-conversation.ts';
import {
  type ConversationRecord,
  isParticipant,
  type Participant,
  refusalOf,
} from './conversation-record.ts';
import { advisorView } from './visitor-views.ts';

/** Who may reach a conversation, and what an advisor sees of one; both audited. */
export function createConversationAccess(
  deps: Pick<ChatServiceDeps, 'conversations' | 'archive' | 'pool' | 'claims' | 'audit'>,
) {
  const { conversations, pool } = deps;

  /** A conversation from Redis while it lives, or from the archive once it has closed and moved. */
  async function locate(
    id: string,
  ): Promise<{ record: ConversationRecord; archived?: ClosedConversation } | null> {
    const record = await conversations.get(id);
    if (record) return { record };
    const archived = await deps.archive.get(id);
    return archived ? { record: archived.record, archived } : null;
  }

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
   * The conversation, if `who` takes part in it now (`isParticipant`). An advisor reaching for a
   * conversation that is not theirs, or no longer theirs, is refused with CONVERSATION_FORBIDDEN
   * and the attempt recorded in the access audit: it would expose someone's data.
   */
  async function participantOf(conversationId: string, who: Participant): Promise<ConversationRecord> {
    return (await reach(conversationId, who)).record;
  }

  async function reach(conversationId: string, who: Participant) {
    const found = await locate(conversationId);
    if (!found) throw new AppError('CONVERSATION_NOT_FOUND');
    const { record } = found;
    if (isParticipant(record, who)) return found;
    if (who.kind === 'advisor') {
      await deps.audit.record({
        actor: who.advisorId,
        actorName: who.name,
        actorRole: 'advisor',
        subject: record.visitor.codiceFiscale,
        what: 'transcript',
        purpose: refusalOf(record, who.advisorId),
        conversationId,
        outcome: 'refused',
      });
    }
    throw new AppError('CONVERSATION_FORBIDDEN');
  }

  /** A page of the transcript; an advisor's read of it is audited before it is returned. */
  async function transcript(who: Participant, conversationId: string, afterSeq: number, limit: number) {
    const { record, archived } = await reach(conversationId, who);
    const page = archived
      ? pageOf(archived.messages, afterSeq, limit)
      : await conversations.history(conversationId, afterSeq, limit);
    if (who.kind === 'advisor') {
      await deps.audit.record({
        actor: who.advisorId,
        actorName: who.name,
        actorRole: 'advisor',
        subject: record.visitor.codiceFiscale,
        what: 'transcript',
        purpose: 'chat history',
        conversationId,
      });
    }
    return page;
  }

  /**
   * A closed conversation `who` takes part in, with when it closed: from the archive, or from
   * Redis in the instant before it moves there. Refused with CONVERSATION_OPEN while it is open.
   */
  async function closedOf(conversationId: string, who: Participant) {
    const { record, archived } = await reach(conversationId, who);
    if (record.status !== 'closed') throw new AppError('CONVERSATION_OPEN');
    const closedAt = archived?.closedAt ?? (await conversations.closedWhole(conversationId))?.closedAt;
    return { record, closedAt: closedAt ?? Date.now() };
  }

  return { assignedView, participantOf, transcript, closedOf };
}

export type ConversationAccess = ReturnType<typeof createConversationAccess>;
