import type { Audience, CaseOutcome, ChatMessage, InternalNote, SystemNotice } from '@infocig/shared';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import type { ConversationSubject, VisitorSnapshot } from '../people/visitor.ts';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';
import { createChatSync } from '../routing/chat-sync.ts';
import { routingScript, runRoutingScript } from '../routing/routing-script.ts';
import type { ClosedConversation } from './closed-conversation.ts';
import { type ConversationRecord, fromHash, isParticipant, type Participant } from './conversation-record.ts';

const createScript = luaScript(import.meta.url, './lua/create-conversation.lua', 1);
const enqueueScript = routingScript(import.meta.url, '../routing/lua/enqueue.lua', 2, {
  parse: (reply) => {
    const [id, created] = reply as [string, number];
    return { id, created: created === 1 };
  },
});
const releaseScript = routingScript(import.meta.url, '../routing/lua/release.lua', 2, {
  parse: (reply): CloseResult | null => {
    const [previousStatus, advisorId, queue, visitorKey] = reply as string[];
    if (previousStatus === undefined) return null;
    return {
      previousStatus,
      advisorId: advisorId || undefined,
      queue: queue as Audience,
      visitorKey: visitorKey ?? '',
    };
  },
});
const appendScript = luaScript(import.meta.url, './lua/append-message.lua', 3, {
  parse: (reply) => {
    const [seq, stored, visitorKey, advisorId, firstResponse, openedAt] = reply as [
      number,
      number,
      string?,
      string?,
      number?,
      string?,
    ];
    return { seq, stored: stored === 1, visitorKey, advisorId, firstResponse: firstResponse === 1, openedAt };
  },
  errors: { [-1]: 'CONVERSATION_NOT_FOUND', [-2]: 'CONVERSATION_CLOSED', [-3]: 'CONVERSATION_FORBIDDEN' },
});
const markReadScript = luaScript(import.meta.url, './lua/mark-read.lua', 1, {
  parse: Number,
  errors: { [-1]: 'CONVERSATION_NOT_FOUND' },
});

export interface AppendResult {
  message: ChatMessage;
  duplicate: boolean;
  /** Who receives a newly stored message (absent for a resend, which is not pushed again). */
  recipients?: { visitorKey: string; advisorId?: string };
  /** Set on the advisor's first reply: when the conversation opened, for the first-response figure. */
  firstResponse?: { openedAt: number };
}

/** Who writes a message: a participant, or the service itself with a notice each app words. */
export type Author = Participant | { kind: 'system'; name: string; notice: SystemNotice };

export type { InternalNote } from '@infocig/shared';

export interface CloseResult {
  previousStatus: string;
  advisorId?: string;
  queue: Audience;
  visitorKey: string;
}

/** A conversation hash whose routing step never happened lives this long (ms). */
const OPENING_TTL_MS = 86_400_000;

/**
 * Conversations in Redis: a hash per conversation and a stream of its messages keyed by seq, in
 * the conversation's own hash slot. Opening and closing also take a routing step (the queue, the
 * advisor's slot, the visitor's pointer), whose result the chat sync copies into the hash.
 */
export function createConversationRepository(redis: RedisClient, keys: Keys) {
  const { sync } = createChatSync(redis, keys);

  async function get(id: string): Promise<ConversationRecord | null> {
    return fromHash(await redis.hgetall(keys.conversation(id)));
  }

  async function getAs(id: string, who: Participant): Promise<ConversationRecord> {
    const record = await get(id);
    if (!record) throw new AppError('CONVERSATION_NOT_FOUND');
    if (!isParticipant(record, who)) throw new AppError('CONVERSATION_FORBIDDEN');
    return record;
  }

  async function readMessages(id: string, afterSeq: number, count: number): Promise<ChatMessage[]> {
    const entries = await redis.xrange(
      keys.conversationMessages(id),
      `${afterSeq + 1}-0`,
      '+',
      'COUNT',
      count,
    );
    return entries.map(([entryId, fields]) => toMessage(id, entryId, fields));
  }

  return {
    get,
    getAs,
    /** Brings the hash in step with the chat's routing record (see routing/chat-sync.ts). */
    sync,

    async activeIdOf(visitorKey: string): Promise<string | null> {
      return redis.get(keys.visitorActiveConversation(visitorKey));
    },

    /** Opens and queues a conversation, or returns the visitor's open one. */
    async open(
      visitorKey: string,
      visitor: VisitorSnapshot,
      queue: Audience,
      topic: string,
      subject: ConversationSubject = {},
    ) {
      const now = Date.now();
      const id = ulid(now);
      await runScript(
        redis,
        createScript,
        [keys.conversation(id)],
        [
          id,
          now,
          OPENING_TTL_MS,
          'visitorKey',
          visitorKey,
          'queue',
          queue,
          'visitor',
          JSON.stringify(visitor),
          'subject',
          JSON.stringify(subject),
          'topic',
          topic,
        ],
      );
      const opened = await runRoutingScript(
        redis,
        keys,
        enqueueScript,
        [keys.visitorActiveConversation(visitorKey), keys.chatRouting(id)],
        [id, queue, visitorKey],
        now,
      );
      // The visitor already had a chat open: this hash was never known to anyone.
      if (!opened.created) await redis.del(keys.conversation(id));
      await sync(opened.id);
      return opened;
    },

    async addNote(id: string, note: InternalNote): Promise<void> {
      await redis.rpush(keys.conversationNotes(id), JSON.stringify(note));
    },

    async notes(id: string): Promise<InternalNote[]> {
      return (await redis.lrange(keys.conversationNotes(id), 0, -1)).map(
        (n) => JSON.parse(n) as InternalNote,
      );
    },

    async markFollowUpOffered(id: string): Promise<void> {
      await redis.hset(keys.conversation(id), 'followUpOffered', '1');
    },

    /** Remembers which quiet spell a warning was sent for, so it is sent once. */
    async markWarned(id: string, activityAt: number): Promise<void> {
      await redis.hset(keys.conversation(id), 'warnedFor', activityAt);
    },

    /** Moves the participant's read mark forward; returns where it stands. */
    async markRead(id: string, who: Participant, seq: number): Promise<number> {
      const field = who.kind === 'visitor' ? 'readVisitor' : 'readAdvisor';
      return runScript(redis, markReadScript, [keys.conversation(id)], [field, seq]);
    },

    async append(id: string, who: Author, clientMessageId: string, text: string): Promise<AppendResult> {
      const now = Date.now();
      const sentAt = new Date(now).toISOString();
      const participant =
        who.kind === 'visitor'
          ? ['visitorKey', who.visitorKey]
          : who.kind === 'advisor'
            ? ['advisorId', who.advisorId]
            : ['id', id];
      const { seq, stored, visitorKey, advisorId, firstResponse, openedAt } = await runScript(
        redis,
        appendScript,
        [keys.conversation(id), keys.conversationMessages(id), keys.conversationClientIds(id)],
        [
          ...participant,
          who.kind,
          clientMessageId,
          who.name,
          text,
          sentAt,
          now,
          who.kind === 'system' ? JSON.stringify(who.notice) : '',
          who.kind === 'advisor' ? (who.publicId ?? '') : '',
        ],
      );
      if (stored) {
        const message: ChatMessage = {
          conversationId: id,
          seq,
          clientMessageId,
          author: who.kind,
          authorName: who.name,
          ...(who.kind === 'advisor' && who.publicId ? { authorId: who.publicId } : {}),
          text,
          sentAt,
          ...(who.kind === 'system' ? { notice: who.notice } : {}),
        };
        return {
          message,
          duplicate: false,
          recipients: { visitorKey: visitorKey ?? '', ...(advisorId ? { advisorId } : {}) },
          ...(firstResponse ? { firstResponse: { openedAt: Number(openedAt) } } : {}),
        };
      }
      const [original] = await readMessages(id, seq - 1, 1);
      if (!original) throw new Error(`message ${seq} of ${id} is indexed but missing`);
      return { message: original, duplicate: true };
    },

    async history(id: string, afterSeq: number, limit: number) {
      const page = await readMessages(id, afterSeq, limit + 1);
      return { messages: page.slice(0, limit), hasMore: page.length > limit };
    },

    async close(
      id: string,
      closedBy: Participant['kind'] | 'system',
      outcome?: CaseOutcome,
    ): Promise<CloseResult | null> {
      const closed = await runRoutingScript(
        redis,
        keys,
        releaseScript,
        [keys.chatRouting(id), keys.unarchived()],
        [id, closedBy, outcome ?? ''],
      );
      if (closed) await sync(id);
      return closed;
    },

    /** A closed conversation whole, to archive; null if it is not here or not closed. */
    async closedWhole(id: string): Promise<ClosedConversation | null> {
      const hash = await redis.hgetall(keys.conversation(id));
      const record = fromHash(hash);
      if (record?.status !== 'closed') return null;
      const [entries, notes] = await Promise.all([
        redis.xrange(keys.conversationMessages(id), '-', '+'),
        redis.lrange(keys.conversationNotes(id), 0, -1),
      ]);
      return {
        record,
        enqueuedAt: Number(hash.enqueuedAt ?? record.openedAt),
        priority: Number(hash.priority ?? 0),
        closedAt: Number(hash.closedAt),
        messages: entries.map(([entryId, fields]) => toMessage(id, entryId, fields)),
        notes: notes.map((n) => JSON.parse(n) as InternalNote),
      };
    },

    /** Closed chats not yet archived that closed before `before` (ms), oldest first. */
    async unarchived(before: number, count: number): Promise<string[]> {
      return redis.zrangebyscore(keys.unarchived(), '-inf', before, 'LIMIT', 0, count);
    },

    /**
     * Deletes a closed conversation's keys once it is archived (or found gone): its own first, then
     * its routing record and listing, so a failure in between leaves it listed for the next sweep.
     */
    async forget(id: string): Promise<void> {
      await redis.del(
        keys.conversation(id),
        keys.conversationMessages(id),
        keys.conversationClientIds(id),
        keys.conversationNotes(id),
      );
      await redis
        .multi()
        .del(keys.chatRouting(id))
        .zrem(keys.unarchived(), id)
        .zrem(keys.unsynced(), id)
        .exec();
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;

function toMessage(conversationId: string, entryId: string, fields: string[]): ChatMessage {
  const f: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
  return {
    conversationId,
    seq: Number(entryId.split('-')[0]),
    clientMessageId: f.cmid ?? '',
    author: f.author as ChatMessage['author'],
    authorName: f.name ?? '',
    ...(f.aid ? { authorId: f.aid } : {}),
    text: f.text ?? '',
    sentAt: f.at ?? '',
    ...(f.notice ? { notice: JSON.parse(f.notice) as SystemNotice } : {}),
  };
}
