import type { Audience } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';

/**
 * What an id may look like inside a key name: ULIDs, digests, codici fiscali and opaque ids all
 * fit, and nothing with a `:` does — so `<advisorId>:convs` can never name another advisor's key.
 */
const KEY_PART = /^[A-Za-z0-9_-]{1,64}$/;

/** An id, checked before it becomes part of a key name; anything else is refused as invalid input. */
export function keyPart(id: string): string {
  if (!KEY_PART.test(id)) throw new AppError('VALIDATION_FAILED', 'Not a valid id.');
  return id;
}

/**
 * Every Redis key the server uses, built here and nowhere else (the Lua scripts receive the
 * prefix and rebuild the few keys they cannot be handed; see routing/lua).
 */
export function createKeys(prefix: string) {
  return {
    prefix,
    conversation: (id: string) => `${prefix}:conv:${keyPart(id)}`,
    conversationMessages: (id: string) => `${prefix}:conv:${keyPart(id)}:msgs`,
    conversationClientIds: (id: string) => `${prefix}:conv:${keyPart(id)}:cmids`,
    /** Advisors' internal notes on a conversation (transfers), oldest first. */
    conversationNotes: (id: string) => `${prefix}:conv:${keyPart(id)}:notes`,
    visitorActiveConversation: (visitorKey: string) => `${prefix}:visitor:${keyPart(visitorKey)}:active`,
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
    /** A value set once per Redis data set: when it changes or goes, Redis lost its data. */
    epoch: () => `${prefix}:epoch`,
    /** Chats handed out whose announcement and timers are not yet done: id → assignment ms. */
    unannounced: () => `${prefix}:unannounced`,
    /** Closed chats not yet moved to the archive (PostgreSQL): id → closing ms. */
    unarchived: () => `${prefix}:unarchived`,
    /** The rollout plan version every process should be applying. */
    rolloutVersion: () => `${prefix}:rollout:version`,
    processes: () => `${prefix}:processes`,
    processAlive: (processId: string) => `${prefix}:process:${processId}:alive`,
    processMembers: (processId: string) => `${prefix}:process:${processId}:members`,
    advisor: (advisorId: string) => `${prefix}:advisor:${keyPart(advisorId)}`,
    /** Every advisor ever seen, for supervisors' listings. */
    advisors: () => `${prefix}:advisors`,
    advisorConversations: (advisorId: string) => `${prefix}:advisor:${keyPart(advisorId)}:convs`,
    /** An advisor's opaque id, as colleagues see it → their advisor id (codice fiscale). */
    advisorPublicIds: () => `${prefix}:advisor-public-ids`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
