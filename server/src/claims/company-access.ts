import type { AccessAudit } from '../audit/access-audit.ts';
import { AppError } from '../errors/app-error.ts';
import type { Identity } from '../people/identity.ts';
import type { ClaimsStore, CompanyRef } from '../store/index.ts';

/**
 * Whether a visitor may see a company's claims, decided now from the verified identity and the
 * store: an owner or legal representative only their own company (from the portal's token), an
 * intermediary only a company whose delegation is active at this moment, a worker none. A refusal
 * is recorded in the access audit, since asking for someone else's company is how tampering shows.
 */
export function createCompanyAccess(store: ClaimsStore, audit: AccessAudit) {
  async function refuse(identity: Identity, companyCf: string): Promise<never> {
    await audit.record({
      actor: identity.sub,
      actorName: identity.name,
      actorRole: identity.role,
      subject: companyCf,
      what: 'company claims',
      purpose: 'visitor request',
      outcome: 'refused',
    });
    throw new AppError('ACCESS_FORBIDDEN');
  }

  return {
    async authorize(identity: Identity, companyCf: string): Promise<CompanyRef> {
      if (identity.role === 'titolare' || identity.role === 'legale_rappresentante') {
        if (identity.company?.cf !== companyCf) return refuse(identity, companyCf);
        return (await store.company(companyCf)) ?? refuse(identity, companyCf);
      }
      if (identity.role === 'consulente') {
        const delegated = (await store.delegatedCompanies(identity.sub)).find((c) => c.cf === companyCf);
        return delegated ?? refuse(identity, companyCf);
      }
      return refuse(identity, companyCf);
    },

    /** The companies a visitor acts for: their own, or those that delegated them. */
    async companiesOf(identity: Identity): Promise<CompanyRef[]> {
      if (identity.role === 'consulente') return store.delegatedCompanies(identity.sub);
      if (identity.company) {
        const own = await store.company(identity.company.cf);
        return own ? [own] : [];
      }
      return [];
    },
  };
}

export type CompanyAccess = ReturnType<typeof createCompanyAccess>;
