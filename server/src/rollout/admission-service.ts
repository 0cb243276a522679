import type { Admission } from '@infocig/shared';
import type { Identity } from '../people/identity.ts';
import type { ClaimsStore } from '../store/index.ts';
import type { RolloutPlan } from './rollout-plan.ts';

const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/**
 * Whether the rollout admits a visitor now: a worker by their province of residence (from the
 * portal's token), an owner or legal representative by their company's legal seat, an
 * intermediary when at least one company that delegated them is admitted.
 */
export function createAdmissionService(plan: RolloutPlan, claims: ClaimsStore) {
  return async function admissionFor(identity: Identity): Promise<Admission> {
    switch (identity.role) {
      case 'lavoratore':
        return plan.admit('workers', identity.province);
      case 'titolare':
      case 'legale_rappresentante': {
        const company = identity.company ? await claims.company(identity.company.cf) : null;
        return plan.admit('employers', company?.province);
      }
      case 'consulente': {
        const results = (await claims.delegatedCompanies(identity.sub)).map((c) =>
          plan.admit('employers', c.province),
        );
        if (results.some((r) => r.admitted)) return { admitted: true, availableFrom: null };
        return { admitted: false, availableFrom: earliest(results.map((r) => r.availableFrom)) };
      }
      default:
        return { admitted: false, availableFrom: null };
    }
  };
}

export type AdmissionFor = ReturnType<typeof createAdmissionService>;
