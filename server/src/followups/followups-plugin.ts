import fp from 'fastify-plugin';
import { createFollowUpService, type FollowUpService } from './follow-up-service.ts';
import { createFollowUpStore } from './follow-up-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    followUps: FollowUpService;
  }
}

/** Messages left for an advisor, answered later. */
export const followUpsPlugin = fp(
  async (app) => {
    app.decorate(
      'followUps',
      createFollowUpService(createFollowUpStore(app.db), app.audit, app.notifier, app.log),
    );
  },
  { name: 'followups', dependencies: ['store', 'audit', 'realtime'] },
);
