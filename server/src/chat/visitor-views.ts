import type { AssignedConversation, ChatMessage, ClaimSummary, VisitorConversation } from '@infocig/shared';
import type { QueuePlace } from '../routing/queue-view.ts';
import type { ConversationRecord } from './conversation-record.ts';
import type { InternalNote } from './conversation-repository.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function visitorView(
  record: ConversationRecord,
  place: QueuePlace | null,
  advisorName: string | null,
): VisitorConversation {
  return {
    id: record.id,
    status: record.status,
    ...(place ?? {}),
    ...(advisorName ? { advisorName } : {}),
    ...(record.topic ? { topic: record.topic } : {}),
    lastSeq: record.lastSeq,
    readUpTo: record.readUpTo,
    ...(Object.keys(record.subject).length > 0 ? { subject: record.subject } : {}),
    ...(record.followUpOffered ? { followUpOffered: true } : {}),
    openedAt: iso(record.openedAt),
  };
}

export function advisorView(
  record: ConversationRecord,
  claims: ClaimSummary[],
  messages: ChatMessage[],
  notes: InternalNote[],
): AssignedConversation {
  const { visitor } = record;
  return {
    id: record.id,
    queue: record.queue,
    topic: record.topic,
    openedAt: iso(record.openedAt),
    assignedAt: iso(record.assignedAt ?? record.openedAt),
    visitor: {
      role: visitor.role,
      displayName: visitor.displayName,
      codiceFiscale: visitor.codiceFiscale,
      ...(visitor.province ? { province: visitor.province } : {}),
      ...(visitor.companyName ? { companyName: visitor.companyName } : {}),
    },
    subject: record.subject,
    claims,
    messages,
    readUpTo: record.readUpTo,
    notes,
  };
}
