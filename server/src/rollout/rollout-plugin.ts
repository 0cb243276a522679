import fp from 'fastify-plugin';
import { type AdmissionFor, createAdmissionService } from './admission-service.ts';
import { createRolloutPlan, type RolloutPlan } from './rollout-plan.ts';
import { createRolloutStore } from './rollout-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rollout: RolloutPlan;
    admissionFor: AdmissionFor;
  }
}

/** The rollout plan, applied by every process, and who it admits. */
export const rolloutPlugin = fp(
  async (app) => {
    const plan = await createRolloutPlan(
      createRolloutStore(app.db),
      app.redis,
      app.keys.rolloutVersion(),
      app.log,
    );
    app.decorate('rollout', plan);
    app.decorate('admissionFor', createAdmissionService(plan, app.claims));
    app.addHook('onClose', async () => plan.stop());
  },
  { name: 'rollout', dependencies: ['redis', 'store'] },
);
