import type { SystemNotice } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { TimerOutcome, Timers } from '../jobs/timers.ts';
import type { ConversationRepository } from './conversation-repository.ts';

export interface InactivityPolicy {
  /** A chat in which nobody has written for this long is closed. */
  timeoutMs: number;
  /** Both sides are warned this long before. */
  warningMs: number;
}

/**
 * Closes chats that went quiet, with a warning first. One BullMQ job per conversation looks at the
 * last activity when it runs and either acts or delays itself, so messages cost no timer work.
 */
export interface InactivityActions {
  /** Writes a notice from the service into the conversation, to both sides. */
  notice(conversationId: string, clientMessageId: string, notice: SystemNotice): Promise<void>;
  close(conversationId: string): Promise<void>;
}

export function createInactivityWatch(
  conversations: ConversationRepository,
  timers: Pick<Timers, 'schedule' | 'cancel'>,
  policy: InactivityPolicy,
  actions: InactivityActions,
  log: FastifyBaseLogger,
) {
  /** One job per conversation, under one id, so that closing the chat can remove it. */
  const jobId = inactivityJobId;

  return {
    /** Starts watching a chat that has just been assigned (again: a returned chat's job is replaced). */
    async watch(conversationId: string, since: number) {
      await timers.cancel(jobId(conversationId));
      await timers.schedule(
        'inactivity-check',
        { conversationId },
        Math.max(0, since + policy.timeoutMs - policy.warningMs - Date.now()),
        jobId(conversationId),
      );
      // Closed while this was scheduled: the removal may have come first.
      if ((await conversations.get(conversationId))?.status !== 'active')
        await timers.cancel(jobId(conversationId));
    },

    /** The chat closed: its watch no longer applies. */
    unwatch(conversationId: string) {
      return timers.cancel(jobId(conversationId));
    },

    async check({ conversationId }: { conversationId: string }): Promise<TimerOutcome> {
      const record = await conversations.get(conversationId);
      if (record?.status !== 'active') return;
      const lastActivity = Math.max(record.lastActivityAt ?? 0, record.assignedAt ?? record.openedAt);
      const idle = Date.now() - lastActivity;
      if (idle >= policy.timeoutMs) {
        log.info({ conversationId, idleMs: idle }, 'closing an inactive chat');
        await actions.close(conversationId);
        return;
      }
      if (idle >= policy.timeoutMs - policy.warningMs) {
        if (record.warnedFor !== lastActivity) {
          const minutes = Math.max(1, Math.round((policy.timeoutMs - idle) / 60_000));
          await actions.notice(conversationId, `inactivity-${lastActivity}`, {
            kind: 'inactivity-warning',
            minutesLeft: minutes,
          });
          await conversations.markWarned(conversationId, lastActivity);
        }
        return { runAgainAt: lastActivity + policy.timeoutMs };
      }
      return { runAgainAt: lastActivity + policy.timeoutMs - policy.warningMs };
    },
  };
}

export const inactivityJobId = (conversationId: string) => `inactivity-${conversationId}`;

export type InactivityWatch = ReturnType<typeof createInactivityWatch>;
