import type { Audience } from '@infocig/shared';

/**
 * Every Redis key the server uses, built here and nowhere else (the Lua scripts receive the
 * prefix and rebuild the few keys they cannot be handed; see routing/lua).
 */
export function createKeys(prefix: string) {
  return {
    prefix,
    conversation: (id: string) => `${prefix}:conv:${id}`,
    conversationMessages: (id: string) => `${prefix}:conv:${id}:msgs`,
    conversationClientIds: (id: string) => `${prefix}:conv:${id}:cmids`,
    /** Advisors' internal notes on a conversation (transfers), oldest first. */
    conversationNotes: (id: string) => `${prefix}:conv:${id}:notes`,
    visitorActiveConversation: (visitorKey: string) => `${prefix}:visitor:${visitorKey}:active`,
    queueWaiting: (queue: Audience) => `${prefix}:queue:${queue}:waiting`,
    queueAdvisors: (queue: Audience) => `${prefix}:queue:${queue}:advisors`,
    /** Waiting conversation id → visitor key, to push positions without reading every conversation. */
    queueVisitors: (queue: Audience) => `${prefix}:queue:${queue}:visitors`,
    /** The queue's service pace: smoothed interval between assignments while chats wait. */
    queuePace: (queue: Audience) => `${prefix}:queue:${queue}:pace`,
    /** Member (`v:<visitorKey>` or `a:<advisorId>`) → number of connected sockets, all processes. */
    presence: () => `${prefix}:presence`,
    /**
     * A member's open sockets across processes: socket id → "connectedAtMs processId tokenExpiresAtMs".
     * Assignment reads an advisor's (`a:<advisorId>`) for a token still valid.
     */
    sessions: (member: string) => `${prefix}:sessions:${member}`,
    /** When a member's current absence began (ms), while they have no socket anywhere. */
    awaySince: (member: string) => `${prefix}:away:${member}`,
    /** The rollout plan version every process should be applying. */
    rolloutVersion: () => `${prefix}:rollout:version`,
    processes: () => `${prefix}:processes`,
    processAlive: (processId: string) => `${prefix}:process:${processId}:alive`,
    processMembers: (processId: string) => `${prefix}:process:${processId}:members`,
    advisor: (advisorId: string) => `${prefix}:advisor:${advisorId}`,
    /** Every advisor ever seen, for supervisors' listings. */
    advisors: () => `${prefix}:advisors`,
    advisorConversations: (advisorId: string) => `${prefix}:advisor:${advisorId}:convs`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
