import type { SystemNotice } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { AdvisorPool, TransferTarget } from '../routing/advisor-pool.ts';
import type { ConversationAccess } from './conversation-access.ts';
import type { Participant } from './conversation-record.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import type { Dispatcher } from './dispatcher.ts';
import type { createPositionPusher } from './position-pusher.ts';

export interface HandoverDeps {
  conversations: ConversationRepository;
  pool: AdvisorPool;
  notifier: Notifier;
  positions: ReturnType<typeof createPositionPusher>;
  dispatcher: Dispatcher;
  participantOf: ConversationAccess['participantOf'];
  assignedView: ConversationAccess['assignedView'];
  notice(conversationId: string, clientMessageId: string, notice: SystemNotice): Promise<void>;
  log: FastifyBaseLogger;
}

/** Chats that pass from one advisor to another: handed on by their advisor, or returned by their absence. */
export function createHandovers(deps: HandoverDeps) {
  const { conversations, pool, notifier, positions, dispatcher, log } = deps;

  /**
   * The person reads in the transcript that their chat passes to another advisor. Written once the
   * move is done, before the chat is handed out again; a failure leaves the move as it is.
   */
  async function handoverNotice(conversationId: string, reason: 'transferred' | 'advisor_left') {
    await deps
      .notice(conversationId, `handover-${ulid()}`, { kind: 'handover', reason })
      .catch((err: unknown) => log.warn({ err, conversationId }, 'hand-over notice not written'));
  }

  /** A colleague is named by their opaque id; one nobody has is a colleague who cannot take it. */
  async function resolveTarget(to: TransferTarget): Promise<TransferTarget> {
    if (!('advisorId' in to)) return to;
    const advisorId = await pool.advisorIdOf(to.advisorId);
    if (!advisorId) throw new AppError('TRANSFER_TARGET_UNAVAILABLE');
    return { advisorId };
  }

  return {
    /** An advisor stayed away past the grace period: their chats go back to the head of the queue. */
    async returnChatsOf(advisorId: string) {
      const requeued = await pool.requeueAll(advisorId);
      for (const chat of requeued) await handoverNotice(chat.conversationId, 'advisor_left');
      for (const chat of requeued) {
        notifier.toVisitor(chat.visitorKey, 'chat:requeued', {
          conversationId: chat.conversationId,
          reason: 'advisor_left',
        });
        notifier.toAdvisor(advisorId, 'chat:released', {
          conversationId: chat.conversationId,
          reason: 'advisor_left',
        });
      }
      if (requeued.length > 0) log.info({ advisorId, chats: requeued.length }, 'chats returned to the queue');
      for (const queue of new Set(requeued.map((c) => c.queue))) {
        dispatcher.kick(queue);
        positions.changed(queue);
      }
      return requeued;
    },

    /**
     * An advisor hands a chat on, to a queue or a colleague (named by the opaque id
     * `advisors:list` gives), with an internal note. The note is written after the move succeeds;
     * an advisor served from the queue in the instant between may see the chat before its note
     * arrives with the next reload.
     */
    async transfer(
      who: Participant & { kind: 'advisor' },
      conversationId: string,
      target: TransferTarget,
      note: string,
    ) {
      const record = await deps.participantOf(conversationId, who);
      const to = await resolveTarget(target);
      const moved = await pool.transfer(conversationId, who.advisorId, to);
      await conversations.addNote(conversationId, {
        authorName: who.name,
        text: note,
        at: new Date().toISOString(),
      });
      await handoverNotice(conversationId, 'transferred');
      notifier.toAdvisor(who.advisorId, 'chat:released', { conversationId, reason: 'transferred' });
      if ('advisorId' in to) {
        const updated = await conversations.get(conversationId);
        if (updated)
          notifier.toAdvisor(to.advisorId, 'chat:assigned', await deps.assignedView(updated, to.advisorId));
        notifier.toVisitor(record.visitorKey, 'chat:assigned', {
          conversationId,
          advisorName: await pool.nameOf(to.advisorId),
          reason: 'transferred',
        });
      } else {
        notifier.toVisitor(record.visitorKey, 'chat:requeued', { conversationId, reason: 'transferred' });
        positions.changed(moved.queue);
      }
      log.info({ conversationId, from: who.advisorId, to }, 'chat transferred');
      dispatcher.kickAll();
      return {};
    },
  };
}
