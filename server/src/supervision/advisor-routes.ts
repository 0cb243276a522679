import { AdvisorProfileSchema, AdvisorSettingsSchema, AUDIENCES, safeText } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { changeAdvisor, profileOf } from '../chat/advisor-changes.ts';
import { AppError } from '../errors/app-error.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import { advisorMember } from '../routing/advisor-pool.ts';
import { QueueSummarySchema } from './supervision-schemas.ts';

const AdvisorPatchSchema = AdvisorSettingsSchema.partial()
  .extend({ availability: z.enum(['available', 'paused']).optional() })
  .strict();

const AdvisorParamsSchema = z.object({ advisorId: z.string().min(1).max(64) });

const AnnouncementSchema = z
  .object({
    text: safeText({ max: 1000, multiline: true }).pipe(z.string().min(1)),
    /** One advisor; everyone when absent. */
    advisorId: z.string().min(1).max(64).optional(),
  })
  .strict();

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
      app.pokeOverview();
      return { advisorId, name: state.name, ...profileOf(state) };
    },
  );

  routes.post(
    '/api/supervisor/announcements',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Send an announcement to every advisor, or to one, on every console they have open',
        body: AnnouncementSchema,
        response: { 200: z.object({ sentAt: z.iso.datetime() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { text, advisorId } = request.body;
      if (advisorId && !(await app.pool.state(advisorId))) throw new AppError('ADVISOR_NOT_FOUND');
      const at = new Date().toISOString();
      const push = { text, from: request.identity?.name ?? '', at, toAll: !advisorId };
      if (advisorId) app.notifier.toAdvisor(advisorId, 'staff:announcement', push);
      else app.notifier.toAllAdvisors('staff:announcement', push);
      request.log.info({ supervisor: request.identity?.sub, advisorId }, 'announcement sent');
      return { sentAt: at };
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
