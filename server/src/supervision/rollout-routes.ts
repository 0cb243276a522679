import { RolloutPlanSchema } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { validationError } from '../errors/app-error.ts';

const PlanChangeSchema = z
  .object({ phases: RolloutPlanSchema, reason: z.string().trim().min(3).max(500) })
  .strict();

/**
 * Supervisors read and change the rollout plan. A change replaces the whole plan as a new version
 * (kept, with who and why); phases with a future date are how openings are scheduled.
 */
export async function rolloutRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireRole(app.verifyToken, ['supervisor']));

  app.get('/api/supervisor/rollout', async () => app.rollout.current());

  app.get('/api/supervisor/rollout/history', async () => ({ versions: await app.rollout.history() }));

  app.put('/api/supervisor/rollout', async (request) => {
    const parsed = PlanChangeSchema.safeParse(request.body);
    if (!parsed.success) throw validationError(parsed.error);
    const by = request.identity?.sub ?? 'unknown';
    const version = await app.rollout.replace(parsed.data.phases, by, parsed.data.reason);
    request.log.info({ supervisor: by, version: version.version }, 'rollout plan changed');
    return version;
  });
}
