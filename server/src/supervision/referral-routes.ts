import { ReferralsOverviewSchema } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/http-auth.ts';
import { bearer, errorResponses } from '../http/responses.ts';

/** Referrals to INPS offices still unanswered, per office, with the oldest's opening: counts only. */
export async function referralRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/supervisor/referrals',
    {
      schema: {
        tags: ['supervision'],
        security: bearer,
        summary: 'Unanswered referrals to INPS offices, per office: open, taken, overdue, and the oldest',
        response: { 200: ReferralsOverviewSchema, ...errorResponses(401, 403) },
      },
    },
    () => app.referrals.overview(),
  );
}
