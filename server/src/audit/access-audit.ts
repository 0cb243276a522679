/** One read of a person's data by INPS staff. */
export interface AccessRecord {
  /** Codice fiscale of the staff member who read. */
  actor: string;
  actorRole: 'advisor' | 'supervisor';
  /** Codice fiscale of the person whose data was read. */
  subject: string;
  /** What was read, e.g. 'claims' or 'transcript'. */
  what: string;
  purpose: string;
  conversationId?: string;
}

export interface AccessAudit {
  record(entry: AccessRecord): Promise<void>;
}
