import type { AdvisorProfile } from '@infocig/shared';
import type { Notifier } from '../realtime/notifier.ts';
import type { AdvisorChanges, AdvisorPool, AdvisorState } from '../routing/advisor-pool.ts';
import type { ChatService } from './chat-service.ts';

export const profileOf = (state: AdvisorState): AdvisorProfile => ({
  availability: state.availability,
  queues: state.queues,
  capacity: state.capacity,
  activeChats: state.load,
});

/**
 * Changes an advisor (from their console or a supervisor), tells all their tabs, hands out
 * waiting chats if that freed room, and refreshes waiting visitors' estimates.
 */
export async function changeAdvisor(
  deps: { pool: AdvisorPool; chat: ChatService; notifier: Notifier },
  advisorId: string,
  changes: AdvisorChanges,
) {
  const state = await deps.pool.update(advisorId, changes);
  deps.notifier.toAdvisor(advisorId, 'advisor:profile', profileOf(state));
  if (state.availability === 'available') deps.chat.dispatchAll();
  // Waiting visitors' estimates depend on who serves their queue now.
  deps.chat.staffingChanged();
  return state;
}
