import { AppError } from '../errors/app-error.ts';
import type { Identity } from '../people/identity.ts';
import { type ConversationSubject, snapshotOf } from '../people/visitor.ts';
import type { ClaimsReader } from './claims-reader.ts';
import type { CompanyClaims } from './company-claims.ts';

export interface SubjectRequest {
  companyCf?: string;
  applicationId?: string;
}

/**
 * Checks what a visitor says their question is about, like the original pre-chat form: an
 * intermediary must name a delegating company, an owner's company is their own, a worker names no
 * company; an application must be one the visitor may see; the company must be in the rollout.
 */
export function createSubjectResolver(companies: CompanyClaims, claims: ClaimsReader) {
  return async function subjectFor(
    identity: Identity,
    request: SubjectRequest,
  ): Promise<ConversationSubject> {
    if (identity.role === 'consulente' && !request.companyCf) {
      throw new AppError('VALIDATION_FAILED', 'Say which company the question is about.', [
        { path: 'companyCf', message: 'required for intermediaries' },
      ]);
    }
    const companyCf = request.companyCf ?? identity.company?.cf;
    let subject: ConversationSubject = {};
    if (companyCf) {
      const company = await companies.admittedCompany(identity, companyCf);
      subject = { companyCf: company.cf, companyName: company.name };
    }
    if (request.applicationId) {
      const visible = companyCf
        ? await claims.ofCompany(companyCf)
        : await claims.visibleTo(snapshotOf(identity));
      if (!visible.some((c) => c.applicationId === request.applicationId))
        throw new AppError('ACCESS_FORBIDDEN');
      subject = { ...subject, applicationId: request.applicationId };
    }
    return subject;
  };
}

export type SubjectResolver = ReturnType<typeof createSubjectResolver>;
