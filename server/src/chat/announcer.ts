import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../realtime/notifier.ts';
import type { AdvisorPool } from '../routing/advisor-pool.ts';
import type { ConversationRecord } from './conversation-record.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import { createListenerCalls } from './listener-calls.ts';
import type { Unannounced } from './unannounced.ts';
import type { advisorView } from './visitor-views.ts';

type AssignedListener = (record: ConversationRecord, at: number) => Promise<void>;

export interface AnnouncerDeps {
  conversations: ConversationRepository;
  pool: AdvisorPool;
  notifier: Notifier;
  unannounced: Unannounced;
  /** The advisor's audited view of a chat they hold. */
  assignedView(record: ConversationRecord, advisorId: string): Promise<ReturnType<typeof advisorView>>;
  log: FastifyBaseLogger;
}

/**
 * Tells both sides of an assignment, the advisor first: their view (claims, transcript, notes)
 * is an audited read, and the visitor hears that an advisor took the chat only once it is on its
 * way to them. The assignment script listed the chat as unannounced; it leaves that list once
 * both sides were told and the required timers set, so a failure here (the store down), or a
 * process killed in between, leaves it to `announceOverdue`, never orphaned.
 */
export function createAnnouncer(deps: AnnouncerDeps) {
  const { conversations, pool, notifier, unannounced, log } = deps;
  const { notify } = createListenerCalls(log);
  const required: AssignedListener[] = [];
  const bestEffort: AssignedListener[] = [];

  async function announce(conversationId: string, advisorId: string): Promise<void> {
    const record = await conversations.get(conversationId);
    if (record?.status !== 'active' || record.advisorId !== advisorId) {
      // Closed, requeued or handed on since: whoever did that told the people concerned.
      await unannounced.done(conversationId);
      return;
    }
    const [view, advisorName] = await Promise.all([
      deps.assignedView(record, advisorId),
      pool.nameOf(advisorId),
    ]);
    notifier.toAdvisor(advisorId, 'chat:assigned', view);
    notifier.toVisitor(record.visitorKey, 'chat:assigned', { conversationId, advisorName });
    log.info({ conversationId, advisorId, queue: record.queue }, 'chat assigned');
    const at = record.assignedAt ?? Date.now();
    await Promise.all(required.map((listener) => listener(record, at)));
    await unannounced.done(conversationId);
    await notify(bestEffort, record, at);
  }

  return {
    announce,

    /**
     * Runs after an assignment is announced. A `required` listener (a timer the chat must have) is
     * part of the announcement: if it fails, the announcement is made again. Others are best effort.
     */
    onAssigned(listener: AssignedListener, options: { required?: boolean } = {}) {
      (options.required ? required : bestEffort).push(listener);
    },

    /**
     * Announces again the chats handed out more than `olderThanMs` ago whose announcement did not
     * finish (the store was down, or the process handing them out died). Run by a periodic job.
     */
    async announceOverdue(olderThanMs: number): Promise<number> {
      const overdue = await unannounced.before(Date.now() - olderThanMs);
      for (const conversationId of overdue) {
        const record = await conversations.sync(conversationId).then(() => conversations.get(conversationId));
        await announce(conversationId, record?.advisorId ?? '').catch((err: unknown) =>
          log.warn({ err, conversationId }, 'assignment announcement failed again: retried later'),
        );
      }
      return overdue.length;
    },
  };
}
