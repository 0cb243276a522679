import type { Audience, CaseOutcome, ChatMessage } from '@infocig/shared';
import type { ConversationSubject, VisitorSnapshot } from '../people/visitor.ts';
import type { Db } from '../store/index.ts';
import type { ClosedConversation, ClosedConversations } from './closed-conversation.ts';
import type { InternalNote } from './conversation-repository.ts';

interface ArchiveRow {
  id: string;
  visitor_key: string;
  queue: Audience;
  topic: string;
  visitor: VisitorSnapshot;
  subject: ConversationSubject;
  advisor_id: string | null;
  opened_at: Date;
  enqueued_at: Date;
  priority: number;
  assigned_at: Date | null;
  closed_at: Date;
  closed_by: string;
  outcome: CaseOutcome | null;
  messages: ChatMessage[];
  notes: InternalNote[];
}

const asDate = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

function fromRow(row: ArchiveRow): ClosedConversation {
  const { messages } = row;
  return {
    record: {
      id: row.id,
      status: 'closed',
      queue: row.queue,
      visitorKey: row.visitor_key,
      visitor: row.visitor,
      subject: row.subject,
      topic: row.topic,
      openedAt: row.opened_at.getTime(),
      assignedAt: row.assigned_at?.getTime(),
      advisorId: row.advisor_id ?? undefined,
      lastSeq: messages.at(-1)?.seq ?? 0,
      readUpTo: { visitor: 0, advisor: 0 },
      closedBy: row.closed_by,
      outcome: row.outcome ?? undefined,
    },
    enqueuedAt: row.enqueued_at.getTime(),
    priority: row.priority,
    closedAt: row.closed_at.getTime(),
    messages,
    notes: row.notes,
  };
}

interface ArchiveWrites {
  keep(closed: ClosedConversation): Promise<void>;
  purgeClosedBefore(cutoff: Date): Promise<number>;
}

/** Closed conversations in PostgreSQL, kept for the transcript retention and then purged. */
export function createArchiveStore(db: Db): ClosedConversations & ArchiveWrites {
  return {
    /** Keeps a closed conversation; keeping one already kept changes nothing. */
    async keep(closed: ClosedConversation): Promise<void> {
      const { record } = closed;
      await db.query(
        `INSERT INTO conversation_archive (id, visitor_key, queue, topic, visitor, subject, advisor_id,
           opened_at, enqueued_at, priority, assigned_at, closed_at, closed_by, messages, notes, outcome)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16)
         ON CONFLICT (id) DO NOTHING`,
        [
          record.id,
          record.visitorKey,
          record.queue,
          record.topic,
          JSON.stringify(record.visitor),
          JSON.stringify(record.subject),
          record.advisorId ?? null,
          new Date(record.openedAt),
          new Date(closed.enqueuedAt),
          closed.priority,
          asDate(record.assignedAt),
          new Date(closed.closedAt),
          record.closedBy ?? 'system',
          JSON.stringify(closed.messages),
          JSON.stringify(closed.notes),
          record.outcome ?? null,
        ],
      );
    },

    async get(id: string): Promise<ClosedConversation | null> {
      const [row] = await db.query<ArchiveRow>('SELECT * FROM conversation_archive WHERE id = $1', [id]);
      return row ? fromRow(row) : null;
    },

    /**
     * Deletes conversations closed before `cutoff`, with their ratings and dismissals (the rating
     * counts for the figures stay); returns how many conversations.
     */
    async purgeClosedBefore(cutoff: Date): Promise<number> {
      await db.query('DELETE FROM conversation_ratings WHERE closed_at < $1', [cutoff]);
      await db.query('DELETE FROM conversation_dismissals WHERE closed_at < $1', [cutoff]);
      const rows = await db.query<{ id: string }>(
        'DELETE FROM conversation_archive WHERE closed_at < $1 RETURNING id',
        [cutoff],
      );
      return rows.length;
    },
  };
}

export type ArchiveStore = ReturnType<typeof createArchiveStore>;
