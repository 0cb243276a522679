import { RolloutPlanSchema } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { bearer, errorResponses } from '../http/responses.ts';

const PlanChangeSchema = z
  .object({ phases: RolloutPlanSchema, reason: z.string().trim().min(3).max(500) })
  .strict();

const PlanVersionSchema = z.object({
  version: z.number().int().positive(),
  phases: RolloutPlanSchema,
  changedBy: z.string(),
  changedAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
});

/**
 * Supervisors read and change the rollout plan. A change replaces the whole plan as a new version
 * (kept, with who and why); phases with a future date are how openings are scheduled.
 */
export async function rolloutRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rollout'];

  routes.get(
    '/api/supervisor/rollout',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'The rollout plan in force',
        response: { 200: PlanVersionSchema, ...errorResponses(401, 403) },
      },
    },
    async () => app.rollout.current(),
  );

  routes.get(
    '/api/supervisor/rollout/history',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Earlier versions of the plan, newest first',
        response: { 200: z.object({ versions: z.array(PlanVersionSchema) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ versions: await app.rollout.history() }),
  );

  routes.put(
    '/api/supervisor/rollout',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'Replace the plan (a new version, with who and why); every process applies it within a second',
        body: PlanChangeSchema,
        response: { 200: PlanVersionSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const by = request.identity?.sub ?? 'unknown';
      const version = await app.rollout.replace(request.body.phases, by, request.body.reason);
      request.log.info({ supervisor: by, version: version.version }, 'rollout plan changed');
      return version;
    },
  );
}
