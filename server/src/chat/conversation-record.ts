import type { Audience, ConversationStatus, Role } from '@infocig/shared';

/** Who the visitor is, copied from their verified token when the conversation opens. */
export interface VisitorSnapshot {
  role: Role;
  displayName: string;
  codiceFiscale: string;
  province?: string;
  companyCf?: string;
  companyName?: string;
}

/** What the visitor said the question is about. */
export interface ConversationSubject {
  companyCf?: string;
  companyName?: string;
  applicationId?: string;
}

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
  followUpOffered?: boolean;
}

/** Who acts on a conversation, as established by the socket's verified identity. */
export type Participant =
  | { kind: 'visitor'; visitorKey: string; name: string }
  | { kind: 'advisor'; advisorId: string; name: string };

export function fromHash(hash: Record<string, string>): ConversationRecord | null {
  if (!hash.id) return null;
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
    followUpOffered: hash.followUpOffered === '1',
  };
}

export function isParticipant(record: ConversationRecord, who: Participant): boolean {
  return who.kind === 'visitor' ? record.visitorKey === who.visitorKey : record.advisorId === who.advisorId;
}
