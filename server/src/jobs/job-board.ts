import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireOperator } from '../auth/operator-session.ts';
import { AppError } from '../errors/app-error.ts';
import { RIGHTS, type Right } from '../people/identity.ts';

interface Board {
  path: string;
  title: string;
  readOnly: boolean;
  right?: Right;
}

/**
 * The BullMQ queues for supervisors (bull-board): /ops/jobs shows them read-only to every
 * supervisor; /ops/jobs-admin lets a supervisor holding the jobs:manage right retry, promote,
 * clean and remove jobs. Two boards rather than one because bull-board's read-only mode is fixed
 * per queue adapter, not per request.
 */
export async function jobBoardRoutes(app: FastifyInstance) {
  const boards: Board[] = [
    { path: '/ops/jobs', title: 'infocig jobs (read-only)', readOnly: true },
    { path: '/ops/jobs-admin', title: 'infocig jobs (admin)', readOnly: false, right: RIGHTS.manageJobs },
  ];
  for (const board of boards) {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(board.path);
    createBullBoard({
      queues: app.jobQueues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: board.readOnly })),
      serverAdapter,
      options: { uiConfig: { boardTitle: board.title } },
    });
    await app.register(async (scope) => {
      const admit = requireOperator(app.verifyToken, { right: board.right, loginRedirect: true });
      scope.addHook('onRequest', answeringRefusals(admit));
      if (board.readOnly) {
        // bull-board refuses changes to read-only queues itself; this keeps it so if it ever does not.
        scope.addHook(
          'onRequest',
          answeringRefusals(async (request) => {
            if (!['GET', 'HEAD'].includes(request.method))
              throw new AppError(
                'AUTH_ROLE_FORBIDDEN',
                `Changing jobs needs the ${RIGHTS.manageJobs} right.`,
              );
          }),
        );
      }
      await scope.register(serverAdapter.registerPlugin(), { prefix: board.path });
    });
  }
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * bull-board installs its own error handler for its routes, which would answer our refusals with
 * a 500: refusals are answered here, in the shape and status of every other REST error.
 */
function answeringRefusals(hook: Hook): Hook {
  return async (request, reply) => {
    try {
      return await hook(request, reply);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return reply.code(error.status).header('cache-control', 'no-store').send({ error: error.toWire() });
    }
  };
}
