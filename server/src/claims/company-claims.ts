import { AppError } from '../errors/app-error.ts';
import type { Identity } from '../people/identity.ts';
import type { RolloutPlan } from '../rollout/rollout-plan.ts';
import type { CompanyRef } from '../store/index.ts';
import type { ClaimsReader } from './claims-reader.ts';
import type { CompanyAccess } from './company-access.ts';

/**
 * The one rule for "may this visitor see company X's claims now", for every transport (socket
 * command, REST, the pre-chat subject): allowed for that company (company-access: owner,
 * representative, delegated intermediary; refusals audited), and the company's seat is in the
 * rollout today.
 */
export function createCompanyClaims(access: CompanyAccess, claims: ClaimsReader, rollout: RolloutPlan) {
  async function admittedCompany(identity: Identity, companyCf: string): Promise<CompanyRef> {
    const company = await access.authorize(identity, companyCf);
    if (!rollout.admit('employers', company.province).admitted) throw new AppError('NOT_YET_AVAILABLE');
    return company;
  }

  return {
    admittedCompany,

    async claimsOf(identity: Identity, companyCf: string) {
      const company = await admittedCompany(identity, companyCf);
      return { claims: await claims.ofCompany(company.cf), asOf: new Date().toISOString() };
    },
  };
}

export type CompanyClaims = ReturnType<typeof createCompanyClaims>;
