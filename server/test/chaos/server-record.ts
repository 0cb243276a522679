import type { ChatMessage } from '@infocig/shared';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import type { RedisClient } from '../../src/redis/connection.ts';
import { createKeys } from '../../src/redis/keys.ts';
import type { Db } from '../../src/store/index.ts';
import { scanKeys } from '../support/test-redis.ts';

/** A conversation as Redis, or once closed the archive, holds it at the end of the run. */
export interface StoredConversation {
  id: string;
  status: string;
  queue: string;
  /** 0 unless the chat went back to the queue after an advisor left. */
  priority: number;
  enqueuedAt: number;
  /** Of the latest assignment. */
  assignedAt: number | null;
  /** The latest holder, kept once closed; empty when it closed while waiting. */
  advisorId: string;
  closedBy: string;
  closedAt: number | null;
  lastSeq: number;
  messages: ChatMessage[];
}

const CONVERSATION_KEY = /:\{conv:([0-9A-HJKMNP-TV-Z]{26})\}$/;

/**
 * Every conversation of the run with its whole message stream: those still in Redis (live, or
 * closed and not yet moved), then those the archive holds.
 */
export async function readStoredConversations(
  redis: RedisClient,
  prefix: string,
  db: Db,
): Promise<StoredConversation[]> {
  const live = await readRedisConversations(redis, prefix);
  const inRedis = new Set(live.map((c) => c.id));
  const ids = await db.query<{ id: string }>('SELECT id FROM conversation_archive ORDER BY id');
  const archive = createArchiveStore(db);
  const archived = await Promise.all(
    ids.filter(({ id }) => !inRedis.has(id)).map(({ id }) => archive.get(id)),
  );
  return [
    ...live,
    ...archived.flatMap((c) =>
      c
        ? [
            {
              id: c.record.id,
              status: c.record.status,
              queue: c.record.queue,
              priority: c.priority,
              enqueuedAt: c.enqueuedAt,
              assignedAt: c.record.assignedAt ?? null,
              advisorId: c.record.advisorId ?? '',
              closedBy: c.record.closedBy ?? '',
              closedAt: c.closedAt,
              lastSeq: c.record.lastSeq,
              messages: c.messages,
            },
          ]
        : [],
    ),
  ];
}

async function readRedisConversations(redis: RedisClient, prefix: string): Promise<StoredConversation[]> {
  const ids: string[] = [];
  for (const key of await scanKeys(redis, `${prefix}:{conv:*}`)) {
    const id = CONVERSATION_KEY.exec(key)?.[1];
    if (id) ids.push(id);
  }
  return Promise.all(ids.map((id) => readOne(redis, prefix, id)));
}

async function readOne(redis: RedisClient, prefix: string, id: string): Promise<StoredConversation> {
  const keys = createKeys(prefix);
  const [hash, entries] = await Promise.all([
    redis.hgetall(keys.conversation(id)),
    redis.xrange(keys.conversationMessages(id), '-', '+'),
  ]);
  const messages = entries.map(([entryId, fields]) => {
    const f: Record<string, string> = {};
    for (let i = 0; i < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
    return {
      conversationId: id,
      seq: Number(entryId.split('-')[0]),
      clientMessageId: f.cmid ?? '',
      author: f.author as ChatMessage['author'],
      authorName: f.name ?? '',
      text: f.text ?? '',
      sentAt: f.at ?? '',
    };
  });
  return {
    id,
    status: hash.status ?? '',
    queue: hash.queue ?? '',
    priority: Number(hash.priority ?? 0),
    enqueuedAt: Number(hash.enqueuedAt),
    assignedAt: hash.assignedAt ? Number(hash.assignedAt) : null,
    advisorId: hash.advisorId ?? '',
    closedBy: hash.closedBy ?? '',
    closedAt: hash.closedAt ? Number(hash.closedAt) : null,
    lastSeq: Number(hash.lastSeq ?? 0),
    messages,
  };
}
