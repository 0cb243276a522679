import { createHash } from 'node:crypto';

export interface ChainedFields {
  at: string;
  actor_cf: string;
  actor_name: string;
  actor_role: string;
  subject_cf: string;
  what: string;
  purpose: string;
  conversation_id: string | null;
  outcome: string;
}

/** A row's hash: SHA-256 over the previous row's hash and the row's own fields, in a fixed order. */
export function chainHash(prevHash: string, f: ChainedFields): string {
  const fields = [
    f.at,
    f.actor_cf,
    f.actor_name,
    f.actor_role,
    f.subject_cf,
    f.what,
    f.purpose,
    f.conversation_id ?? '',
    f.outcome,
  ];
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...fields]))
    .digest('hex');
}
