import { italianDay, RolloutPlanSchema } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { AppError } from '../errors/app-error.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import { previewReach } from '../rollout/rollout-reach.ts';

const VersionNumberSchema = z.number().int().positive();

const PlanChangeSchema = z
  .object({
    phases: RolloutPlanSchema,
    reason: z.string().trim().min(3).max(500),
    /** The version the change was made on: refused with ROLLOUT_CHANGED if another came since. */
    basedOn: VersionNumberSchema.optional(),
  })
  .strict();

const ReachSchema = z.object({ admitted: z.number().int(), closed: z.number().int() });
const AudienceReachSchema = z.object({ workers: ReachSchema, employers: ReachSchema });

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
      const { phases, reason, basedOn } = request.body;
      const version = await app.rollout.replace(phases, by, reason, basedOn);
      request.log.info({ supervisor: by, version: version.version }, 'rollout plan changed');
      return version;
    },
  );

  routes.post(
    '/api/supervisor/rollout/preview',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'How many workers (by province of residence) and companies (by legal seat) in the claims store a proposed plan admits or shuts out, compared with the plan in force',
        body: z.object({ phases: RolloutPlanSchema }).strict(),
        response: {
          200: z.object({
            basedOn: VersionNumberSchema,
            today: AudienceReachSchema,
            onceScheduledBegin: AudienceReachSchema,
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const current = app.rollout.current();
      const reach = await previewReach(app.db, current.phases, request.body.phases, italianDay(new Date()));
      return { basedOn: current.version, ...reach };
    },
  );

  routes.post(
    '/api/supervisor/rollout/undo',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'Undo the newest change: a new version restoring the plan before it (refused with ROLLOUT_CHANGED if the given version is no longer the newest)',
        body: z.object({ version: VersionNumberSchema }).strict(),
        response: { 200: PlanVersionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version } = request.body;
      if (app.rollout.current().version !== version) throw new AppError('ROLLOUT_CHANGED');
      const before = await app.rollout.version(version - 1);
      if (!before) throw new AppError('NOT_FOUND', 'There is no earlier version to go back to.');
      const by = request.identity?.sub ?? 'unknown';
      const restored = await app.rollout.replace(before.phases, by, `undo of version ${version}`, version);
      request.log.info(
        { supervisor: by, undone: version, version: restored.version },
        'rollout change undone',
      );
      return restored;
    },
  );
}
