import type { Role } from '@infocig/shared';

/** One read of a person's data — by INPS staff, or an attempt refused — as recorded. */
export interface AccessRecord {
  /** Codice fiscale of who read (or tried to). */
  actor: string;
  actorName?: string;
  actorRole: Role;
  /** Codice fiscale of the person, or the company, whose data was read. */
  subject: string;
  /** What was read, e.g. 'claims' or 'transcript'. */
  what: string;
  purpose: string;
  conversationId?: string;
  /** 'refused' for an attempt the server turned down. */
  outcome?: 'granted' | 'refused';
}

export interface AccessAudit {
  record(entry: AccessRecord): Promise<void>;
}
