import { AUDIENCES, type Audience } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';

/**
 * What an id may look like inside a key name: ULIDs, digests, codici fiscali and opaque ids all
 * fit, and nothing with a `:` or a brace does, so `<advisorId>:convs` can never name another
 * advisor's key and no id can move a key to another hash slot.
 */
const KEY_PART = /^[A-Za-z0-9_-]{1,64}$/;

/** An id, checked before it becomes part of a key name; anything else is refused as invalid input. */
export function keyPart(id: string): string {
  if (!KEY_PART.test(id)) throw new AppError('VALIDATION_FAILED', 'Not a valid id.');
  return id;
}

/**
 * Every Redis key the server uses, built here and nowhere else. Keys carry hash tags so that the
 * same layout runs on one Redis and on Redis Cluster:
 * - routing state (queues, advisor pools, advisors and the chats they hold, each chat's routing
 *   record, visitor pointers, presence, processes) shares the `{routing}` slot, so the hand-out
 *   scripts are atomic over all of it;
 * - each conversation's keys (record, messages, client ids, notes) share a slot of their own,
 *   `{conv:<id>}`: the high-rate path spreads over the cluster's shards.
 * Scripts receive these through KEYS; the few keys a routing script only learns inside (the chosen
 * advisor, the chats at a queue's head) are built by `routing/lua/includes/routing.lua` from
 * `routingRoot`, in the same slot, and `test/redis/keys.test.ts` checks both agree.
 */
export function createKeys(prefix: string) {
  const routingRoot = `${prefix}:{routing}`;
  const conv = (id: string) => `${prefix}:{conv:${keyPart(id)}}`;
  const queue = (q: Audience) => `${routingRoot}:queue:${q}`;
  return {
    prefix,
    routingRoot,
    conversation: conv,
    conversationMessages: (id: string) => `${conv(id)}:msgs`,
    conversationClientIds: (id: string) => `${conv(id)}:cmids`,
    /** Advisors' internal notes on a conversation (transfers), oldest first. */
    conversationNotes: (id: string) => `${conv(id)}:notes`,
    /**
     * A chat's routing record (status, queue, advisor, visitor, priority, version `rv`): the truth
     * the hand-out scripts change; the conversation hash holds a copy, synced after each change.
     */
    chatRouting: (id: string) => `${routingRoot}:chat:${keyPart(id)}`,
    /** Chats whose routing changed and whose conversation hash may not have the change yet: id → ms. */
    unsynced: () => `${routingRoot}:unsynced`,
    visitorActiveConversation: (visitorKey: string) => `${routingRoot}:visitor:${keyPart(visitorKey)}:active`,
    queueWaiting: (q: Audience) => `${queue(q)}:waiting`,
    queueAdvisors: (q: Audience) => `${queue(q)}:advisors`,
    /** Waiting conversation id → visitor key, to push positions without reading every conversation. */
    queueVisitors: (q: Audience) => `${queue(q)}:visitors`,
    /** The last hour's assignments of the queue, for supervisors: `<conversationId>:<wait s>` → assignment ms. */
    queueRecentWaits: (q: Audience) => `${queue(q)}:recent-waits`,
    /** The queue's service pace: smoothed interval between assignments while chats wait. */
    queuePace: (q: Audience) => `${queue(q)}:pace`,
    /** Member (`v:<visitorKey>` or `a:<advisorId>`) → number of connected sockets, all processes. */
    presence: () => `${routingRoot}:presence`,
    /**
     * A member's open sockets across processes: socket id → "connectedAtMs processId tokenExpiresAtMs".
     * Assignment reads an advisor's (`a:<advisorId>`) for a token still valid.
     */
    sessions: (member: string) => `${routingRoot}:sessions:${member}`,
    /** When a member's current absence began (ms), while they have no socket anywhere. */
    awaySince: (member: string) => `${routingRoot}:away:${member}`,
    /** A value set once per Redis data set: when it changes or goes, Redis lost its data. */
    epoch: () => `${routingRoot}:epoch`,
    /** Chats handed out whose announcement and timers are not yet done: id → assignment ms. */
    unannounced: () => `${routingRoot}:unannounced`,
    /** Closed chats not yet moved to the archive (PostgreSQL): id → closing ms. */
    unarchived: () => `${routingRoot}:unarchived`,
    /** The rollout plan version every process should be applying. */
    rolloutVersion: () => `${routingRoot}:rollout:version`,
    processes: () => `${routingRoot}:processes`,
    processAlive: (processId: string) => `${routingRoot}:process:${processId}:alive`,
    processMembers: (processId: string) => `${routingRoot}:process:${processId}:members`,
    advisor: (advisorId: string) => `${routingRoot}:advisor:${keyPart(advisorId)}`,
    /** Every advisor ever seen, for supervisors' listings. */
    advisors: () => `${routingRoot}:advisors`,
    advisorConversations: (advisorId: string) => `${routingRoot}:advisor:${keyPart(advisorId)}:convs`,
    /** An advisor's opaque id, as colleagues see it → their advisor id (codice fiscale). */
    advisorPublicIds: () => `${routingRoot}:advisor-public-ids`,
    /** BullMQ's prefix: every timer key in one slot of its own, as BullMQ's scripts need. */
    jobsPrefix: `${prefix}:{jobs}`,
    /** Socket.IO's sharded adapter channel prefix. */
    socketChannel: `${prefix}:socket.io`,
  };
}

export type Keys = ReturnType<typeof createKeys>;

/**
 * The keys every routing script receives first, in this order: per queue (AUDIENCES order) its
 * waiting set, advisor pool, waiting visitors and pace. See `routing/lua/includes/routing.lua`.
 */
export function queueKeys(keys: Keys): string[] {
  return AUDIENCES.flatMap((q) => [
    keys.queueWaiting(q),
    keys.queueAdvisors(q),
    keys.queueVisitors(q),
    keys.queuePace(q),
  ]);
}
