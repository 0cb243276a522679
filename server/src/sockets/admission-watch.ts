import type { Admission, VisitorServerEvents } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import { orWhenUnreachable, pushClaims } from '../claims/claims-push.ts';
import type { CompanyAccess } from '../claims/company-access.ts';
import type { VisitorIdentity } from '../people/identity.ts';
import type { VisitorNamespace, VisitorSocket } from '../realtime/typed-sockets.ts';
import type { AdmissionFor } from '../rollout/admission-service.ts';
import type { RolloutPlan } from '../rollout/rollout-plan.ts';
import type { CompanyRef } from '../store/index.ts';

type AdmissionPush = Parameters<VisitorServerEvents['admission:changed']>[0];

/** Each company with whether the rollout covers it and, when not yet, from when if planned. */
export function companiesAdmitted(rollout: RolloutPlan, companies: readonly CompanyRef[]) {
  return companies.map((c) => {
    const { admitted, availableFrom } = rollout.admit('employers', c.province);
    return { cf: c.cf, name: c.name, province: c.province, admitted, availableFrom };
  });
}

export interface AdmissionWatchDeps {
  rollout: RolloutPlan;
  admissionFor: AdmissionFor;
  companies: CompanyAccess;
  /** The visitor's claims, pushed when the change admits them. */
  claimsOf: (identity: VisitorIdentity) => Promise<Parameters<VisitorServerEvents['claims:status']>[0]>;
  log: FastifyBaseLogger;
}

/** Sockets are refreshed this many at a time: a change must not flood the store with reads. */
const BATCH = 50;

/**
 * An open widget follows a rollout change without a reload: when this process applies a new plan
 * (its own change or another process's), each of its visitor sockets whose admission or companies
 * changed from what it was last told gets `admission:changed`, and `claims:status` if now admitted.
 */
export function watchAdmissions(nsp: VisitorNamespace, deps: AdmissionWatchDeps) {
  const { rollout, admissionFor, companies, claimsOf, log } = deps;
  /** What each ready socket was last told, as compared JSON, and whether it was admitted. */
  const told = new WeakMap<VisitorSocket, { said: string; admitted: boolean }>();

  const current = async (identity: VisitorIdentity): Promise<AdmissionPush | null> => {
    const [admission, own] = await Promise.all([
      admissionFor(identity),
      orWhenUnreachable(companies.companiesOf(identity), null),
    ]);
    return own === null ? null : { admission, companies: companiesAdmitted(rollout, own) };
  };

  const refreshOne = async (socket: VisitorSocket) => {
    const last = told.get(socket);
    if (!last) return;
    const { identity } = socket.data;
    const next = await current(identity);
    if (!next || !socket.connected) return;
    const said = JSON.stringify(next);
    if (said === last.said) return;
    told.set(socket, { said, admitted: next.admission.admitted });
    socket.emit('admission:changed', next);
    if (next.admission.admitted && !last.admitted) await pushClaims(socket, () => claimsOf(identity), log);
  };

  const refreshAll = async () => {
    const sockets = [...nsp.sockets.values()].filter((s) => told.has(s));
    for (let i = 0; i < sockets.length; i += BATCH) {
      const results = await Promise.allSettled(sockets.slice(i, i + BATCH).map(refreshOne));
      for (const r of results) {
        if (r.status === 'rejected') log.warn({ err: r.reason }, 'admission change not pushed');
      }
    }
  };

  // One refresh at a time, in order: two quick changes end with the latest plan told.
  let queue: Promise<void> = Promise.resolve();
  rollout.onChange(() => {
    queue = queue.then(refreshAll).catch((err: unknown) => log.warn({ err }, 'admission refresh failed'));
  });

  return {
    /** The socket has been told this in `session:ready`: later changes are compared with it. */
    told(socket: VisitorSocket, said: { admission: Admission; companies: AdmissionPush['companies'] }) {
      told.set(socket, { said: JSON.stringify(said), admitted: said.admission.admitted });
    },
  };
}

export type AdmissionWatch = ReturnType<typeof watchAdmissions>;
