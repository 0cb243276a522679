import type { Audience, ChatMessage } from '@infocig/shared';
import type { Redis } from 'ioredis';
import { ulid } from 'ulid';
import { AppError } from '../errors/app-error.ts';
import type { ConversationSubject, VisitorSnapshot } from '../people/visitor.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';
import type { ClosedConversation } from './closed-conversation.ts';
import { type ConversationRecord, fromHash, isParticipant, type Participant } from './conversation-record.ts';

const openScript = luaScript(import.meta.url, './lua/open-conversation.lua', 5);
const appendScript = luaScript(import.meta.url, './lua/append-message.lua', 3);
const closeScript = luaScript(import.meta.url, './lua/close-conversation.lua', 2);
const markReadScript = luaScript(import.meta.url, './lua/mark-read.lua', 1);

export interface AppendResult {
  message: ChatMessage;
  duplicate: boolean;
  /** Who receives a newly stored message (absent for a resend, which is not pushed again). */
  recipients?: { visitorKey: string; advisorId?: string };
  /** Set on the advisor's first reply: when the conversation opened, for the first-response figure. */
  firstResponse?: { openedAt: number };
}

/** Who writes a message: a participant, or the service itself (warnings, notices). */
export type Author = Participant | { kind: 'system'; name: string };

export interface InternalNote {
  authorName: string;
  text: string;
  at: string;
}

export interface CloseResult {
  previousStatus: string;
  advisorId?: string;
  queue: Audience;
  visitorKey: string;
}

/** Conversations in Redis: a hash per conversation and a stream of its messages keyed by seq. */
export function createConversationRepository(redis: Redis, keys: Keys) {
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
      const result = (await runScript(
        redis,
        openScript,
        [
          keys.visitorActiveConversation(visitorKey),
          keys.conversation(id),
          keys.queueWaiting(queue),
          keys.queueVisitors(queue),
          keys.queuePace(queue),
        ],
        [
          id,
          now,
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
      )) as [string, number];
      return { id: result[0], created: result[1] === 1 };
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
      const mark = Number(await runScript(redis, markReadScript, [keys.conversation(id)], [field, seq]));
      if (mark < 0) throw new AppError('CONVERSATION_NOT_FOUND');
      return mark;
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
      const [seq, stored, visitorKey, advisorId, firstResponse, openedAt] = (await runScript(
        redis,
        appendScript,
        [keys.conversation(id), keys.conversationMessages(id), keys.conversationClientIds(id)],
        [...participant, who.kind, clientMessageId, who.name, text, sentAt, now],
      )) as [number, number?, string?, string?, number?, string?];
      if (seq === -1) throw new AppError('CONVERSATION_NOT_FOUND');
      if (seq === -2) throw new AppError('CONVERSATION_CLOSED');
      if (seq === -3) throw new AppError('CONVERSATION_FORBIDDEN');
      if (stored === 1) {
        const message = {
          conversationId: id,
          seq,
          clientMessageId,
          author: who.kind,
          authorName: who.name,
          text,
          sentAt,
        };
        return {
          message,
          duplicate: false,
          recipients: { visitorKey: visitorKey ?? '', ...(advisorId ? { advisorId } : {}) },
          ...(firstResponse === 1 ? { firstResponse: { openedAt: Number(openedAt) } } : {}),
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

    async close(id: string, closedBy: Participant['kind'] | 'system'): Promise<CloseResult | null> {
      const result = (await runScript(
        redis,
        closeScript,
        [keys.conversation(id), keys.unarchived()],
        [keys.prefix, closedBy, Date.now()],
      )) as string[];
      if (result.length === 0) return null;
      const [previousStatus, advisorId, queue, visitorKey] = result as [string, string, Audience, string];
      return { previousStatus, advisorId: advisorId || undefined, queue, visitorKey };
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

    /** Deletes a closed conversation's keys once it is archived (or found gone). */
    async forget(id: string): Promise<void> {
      await redis
        .multi()
        .del(
          keys.conversation(id),
          keys.conversationMessages(id),
          keys.conversationClientIds(id),
          keys.conversationNotes(id),
        )
        .zrem(keys.unarchived(), id)
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
    text: f.text ?? '',
    sentAt: f.at ?? '',
  };
}
