import type { FastifyBaseLogger } from 'fastify';
import type { ArchiveStore } from './archive-store.ts';
import type { ConversationRepository } from './conversation-repository.ts';

/** How many overdue chats one sweep moves at most; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Moves closed conversations out of Redis into the archive: kept in PostgreSQL first, deleted from
 * Redis after, so a failure in between leaves the chat in both places (keeping is idempotent) and
 * never in neither. A chat whose move fails (store down) stays listed and a sweep moves it later.
 */
export function createArchiver(
  conversations: ConversationRepository,
  store: ArchiveStore,
  log: FastifyBaseLogger,
) {
  async function archive(id: string): Promise<void> {
    const closed = await conversations.closedWhole(id);
    if (closed) await store.keep(closed);
    await conversations.forget(id);
  }

  return {
    archive,

    /** Moves the chats that closed more than `overdueMs` ago and are still in Redis. */
    async archiveOverdue(overdueMs: number): Promise<number> {
      const ids = await conversations.unarchived(Date.now() - overdueMs, SWEEP_BATCH);
      // A process that died between closing a chat and syncing its hash left it listed here too.
      for (const id of ids) await conversations.sync(id).then(() => archive(id));
      if (ids.length > 0) log.warn({ archived: ids.length }, 'closed chats archived late');
      return ids.length;
    },
  };
}

export type Archiver = ReturnType<typeof createArchiver>;
