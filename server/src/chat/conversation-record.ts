import type { Audience, CaseOutcome, ConversationStatus } from '@infocig/shared';
import type { ConversationSubject, VisitorSnapshot } from '../people/visitor.ts';

export interface ConversationRecord {
  id: string;
  status: ConversationStatus;
  queue: Audience;
  /** Pseudonymous key of the visitor (see visitorKeyOf), used in Redis keys and rooms. */
  visitorKey: string;
  visitor: VisitorSnapshot;
  subject: ConversationSubject;
  topic: string;
  openedAt: number;
  assignedAt?: number;
  advisorId?: string;
  lastSeq: number;
  readUpTo: { visitor: number; advisor: number };
  /** When a person last wrote (ms); the system's own notices do not count. */
  lastActivityAt?: number;
  /** The activity time an inactivity warning was last sent for. */
  warnedFor?: number;
  closedBy?: string;
  /** How the case ended, as the advisor who closed it chose. */
  outcome?: CaseOutcome;
  followUpOffered?: boolean;
}

/** Who acts on a conversation, as established by the socket's verified identity. */
export type Participant =
  | { kind: 'visitor'; visitorKey: string; name: string }
  | {
      kind: 'advisor';
      advisorId: string;
      name: string;
      /** The advisor's opaque id (see `publicIdOf`), written on their messages as `authorId`. */
      publicId?: string;
    };

/** A conversation's hash, or null when there is none yet (still 'opening': its routing step is pending). */
export function fromHash(hash: Record<string, string>): ConversationRecord | null {
  if (!hash.id || hash.status === 'opening') return null;
  return {
    id: hash.id,
    status: hash.status as ConversationStatus,
    queue: hash.queue as Audience,
    visitorKey: hash.visitorKey ?? '',
    visitor: JSON.parse(hash.visitor ?? '{}') as VisitorSnapshot,
    subject: JSON.parse(hash.subject ?? '{}') as ConversationSubject,
    topic: hash.topic ?? '',
    openedAt: Number(hash.openedAt),
    assignedAt: hash.assignedAt ? Number(hash.assignedAt) : undefined,
    advisorId: hash.advisorId || undefined,
    lastSeq: Number(hash.lastSeq ?? 0),
    readUpTo: { visitor: Number(hash.readVisitor ?? 0), advisor: Number(hash.readAdvisor ?? 0) },
    lastActivityAt: hash.lastActivityAt ? Number(hash.lastActivityAt) : undefined,
    warnedFor: hash.warnedFor ? Number(hash.warnedFor) : undefined,
    closedBy: hash.closedBy,
    outcome: (hash.outcome || undefined) as CaseOutcome | undefined,
    followUpOffered: hash.followUpOffered === '1',
  };
}

/**
 * The one rule for reaching a conversation, used by every command and route that touches one: a
 * visitor reaches their own; an advisor only one they hold now, while it is active. Closing, a
 * transfer, a hand-back to the queue and the return to the queue after the grace period each end
 * an advisor's part. Supervisors have no part in any conversation (they see aggregates only).
 */
export function isParticipant(record: ConversationRecord, who: Participant): boolean {
  if (who.kind === 'visitor') return record.visitorKey === who.visitorKey;
  return record.status === 'active' && record.advisorId === who.advisorId;
}

/** Why an advisor is refused a conversation, as the person reads it in their access log. */
export function refusalOf(record: ConversationRecord, advisorId: string): string {
  return record.advisorId === advisorId ? 'chat no longer open' : 'chat not assigned to the advisor';
}

/** Whether pushes from the visitor still reach the advisor: only while that advisor holds the chat. */
export const heldAdvisorOf = (record: ConversationRecord) =>
  record.status === 'active' ? record.advisorId : undefined;
