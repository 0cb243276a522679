import type { AssignedConversation, ClaimSummary } from '@infocig/shared';

/** The application the visitor named in the pre-chat form, if it is among the claims shown. */
export function subjectApplication(c: Pick<AssignedConversation, 'claims' | 'subject'>): ClaimSummary | null {
  const id = c.subject.applicationId;
  return id === undefined ? null : (c.claims.find((x) => x.applicationId === id) ?? null);
}

/** The named application first, the others in the order the server gave. */
export function subjectFirst(claims: readonly ClaimSummary[], applicationId: string | null): ClaimSummary[] {
  return [
    ...claims.filter((c) => c.applicationId === applicationId),
    ...claims.filter((c) => c.applicationId !== applicationId),
  ];
}
