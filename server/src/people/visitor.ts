import type { Role } from '@infocig/shared';
import type { Identity } from './identity.ts';

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

export function snapshotOf(identity: Identity): VisitorSnapshot {
  return {
    role: identity.role,
    displayName: identity.name,
    codiceFiscale: identity.sub,
    ...(identity.province ? { province: identity.province } : {}),
    ...(identity.company ? { companyCf: identity.company.cf, companyName: identity.company.name } : {}),
  };
}
