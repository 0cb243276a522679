import fp from 'fastify-plugin';
import { createFollowUpService, type FollowUpService } from './follow-up-service.ts';
import { createFollowUpStore } from './follow-up-store.ts';
import { createReferralService, type ReferralService } from './referral-service.ts';
import { createReferralStore } from './referral-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    followUps: FollowUpService;
    referrals: ReferralService;
  }
}

/** Messages left for an advisor, answered later; and referrals to the INPS office that owns a claim. */
export const followUpsPlugin = fp(
  async (app) => {
    app.decorate(
      'followUps',
      createFollowUpService(createFollowUpStore(app.db), app.audit, app.notifier, app.log),
    );
    const referrals = createReferralService({
      store: createReferralStore(app.db),
      chat: app.chat,
      claims: app.claimsReader,
      audit: app.audit,
      notifier: app.notifier,
      jobs: app.jobs,
      dueMs: app.config.referralDueMs,
      log: app.log,
    });
    app.jobs.handle('referral-overdue', referrals.markOverdue);
    app.decorate('referrals', referrals);
  },
  { name: 'followups', dependencies: ['store', 'audit', 'realtime', 'jobs', 'chat', 'claims'] },
);
