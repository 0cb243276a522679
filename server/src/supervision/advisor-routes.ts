import { AdvisorProfileSchema, AdvisorSettingsSchema, AUDIENCES, italianDay } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { changeAdvisor, profileOf } from '../chat/advisor-changes.ts';
import { AppError } from '../errors/app-error.ts';
import { publishedFigures } from '../figures/published-figures.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import { advisorMember } from '../routing/advisor-pool.ts';
import { FiguresSchema, QueueSummarySchema } from './supervision-schemas.ts';

const FiguresQuerySchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict();

const AdvisorPatchSchema = AdvisorSettingsSchema.partial()
  .extend({ availability: z.enum(['available', 'paused']).optional() })
  .strict();

const AdvisorParamsSchema = z.object({ advisorId: z.string().min(1).max(64) });

const AdvisorSchema = AdvisorProfileSchema.extend({ advisorId: z.string(), name: z.string() });

/** Supervisors see every advisor and every queue, and change advisors' queues, capacity and availability. */
export async function supervisionRoutes(app: FastifyInstance) {
  // At the request's start, so nobody learns how a body is validated before showing who they are.
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  routes.get(
    '/api/supervisor/advisors',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Every advisor, connected or not, with availability, queues, capacity and load',
        response: {
          200: z.object({ advisors: z.array(AdvisorSchema.extend({ connected: z.boolean() })) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const advisors = await app.pool.list();
      const connected = await Promise.all(
        advisors.map((a) => app.departures.isPresent(advisorMember(a.advisorId))),
      );
      return {
        advisors: advisors.map((a, i) => ({
          advisorId: a.advisorId,
          name: a.name,
          connected: connected[i] ?? false,
          ...profileOf(a),
        })),
      };
    },
  );

  routes.patch(
    '/api/supervisor/advisors/:advisorId',
    {
      schema: {
        tags,
        security: bearer,
        summary: "Change an advisor's queues, capacity or availability",
        params: AdvisorParamsSchema,
        body: AdvisorPatchSchema,
        response: { 200: AdvisorSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { advisorId } = request.params;
      if (!(await app.pool.state(advisorId))) throw new AppError('ADVISOR_NOT_FOUND');
      const { availability } = request.body;
      // Kept apart from the advisor's own choice: a reconnect or a restart does not undo it.
      if (availability)
        await app.pool.rememberSupervision(advisorId, availability, request.identity?.sub ?? '');
      const state = await changeAdvisor(
        { pool: app.pool, chat: app.chat, notifier: app.notifier },
        advisorId,
        request.body,
      );
      request.log.info(
        { supervisor: request.identity?.sub, advisorId, changes: request.body },
        'advisor changed by supervisor',
      );
      return { advisorId, name: state.name, ...profileOf(state) };
    },
  );

  routes.get(
    '/api/supervisor/figures',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'The published figures by audience, for a period (default: the last year)',
        querystring: FiguresQuerySchema,
        response: { 200: FiguresSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const to = request.query.to ?? italianDay(new Date());
      const from = request.query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      return publishedFigures(app.db, from, to);
    },
  );

  routes.get(
    '/api/supervisor/queues',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Each queue with how many wait, the oldest wait and the estimate for the next',
        response: { 200: z.object({ queues: z.array(QueueSummarySchema) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({
      queues: await Promise.all(AUDIENCES.map((queue) => app.chat.queueSummary(queue))),
    }),
  );
}
