import { AdvisorSettingsSchema, AUDIENCES, italianDay } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { AppError, validationError } from '../errors/app-error.ts';
import { publishedFigures } from '../figures/published-figures.ts';
import { changeAdvisor, profileOf } from '../realtime/advisor-namespace.ts';
import { advisorMember } from '../routing/advisor-pool.ts';

const FiguresQuerySchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict();

const AdvisorPatchSchema = AdvisorSettingsSchema.partial()
  .extend({ availability: z.enum(['available', 'paused']).optional() })
  .strict();

/** Supervisors see every advisor and every queue, and change advisors' queues, capacity and availability. */
export async function supervisionRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireRole(app.verifyToken, ['supervisor']));

  app.get('/api/supervisor/advisors', async () => {
    const advisors = await app.pool.list();
    const connected = await Promise.all(
      advisors.map((a) => app.departures.isPresent(advisorMember(a.advisorId))),
    );
    return {
      advisors: advisors.map((a, i) => ({
        advisorId: a.advisorId,
        name: a.name,
        connected: connected[i],
        ...profileOf(a),
      })),
    };
  });

  app.patch<{ Params: { advisorId: string } }>('/api/supervisor/advisors/:advisorId', async (request) => {
    const parsed = AdvisorPatchSchema.safeParse(request.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { advisorId } = request.params;
    if (!(await app.pool.state(advisorId))) throw new AppError('ADVISOR_NOT_FOUND');
    const { availability } = parsed.data;
    // Kept apart from the advisor's own choice: a reconnect or a restart does not undo it.
    if (availability)
      await app.pool.rememberSupervision(advisorId, availability, request.identity?.sub ?? '');
    const state = await changeAdvisor(
      { pool: app.pool, chat: app.chat, notifier: app.notifier },
      advisorId,
      parsed.data,
    );
    request.log.info(
      { supervisor: request.identity?.sub, advisorId, changes: parsed.data },
      'advisor changed by supervisor',
    );
    return { advisorId, name: state.name, ...profileOf(state) };
  });

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/supervisor/figures', async (request) => {
    const parsed = FiguresQuerySchema.safeParse(request.query);
    if (!parsed.success) throw validationError(parsed.error);
    const to = parsed.data.to ?? italianDay(new Date());
    const from = parsed.data.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    return publishedFigures(app.db, from, to);
  });

  app.get('/api/supervisor/queues', async () => ({
    queues: await Promise.all(AUDIENCES.map((queue) => app.chat.queueSummary(queue))),
  }));
}
