import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTimeout } from './with-timeout.ts';

const CHECK_TIMEOUT_MS = 1_000;

const PartSchema = z.enum(['redis', 'store']);
const CheckSchema = z.object({ name: PartSchema, ok: z.boolean() });
const ReadySchema = z.object({ status: z.literal('ready'), checks: z.array(CheckSchema) });
const UnavailableSchema = z.object({
  status: z.literal('unavailable'),
  /** The parts that did not answer within the check time. */
  failing: z.array(PartSchema).min(1),
  checks: z.array(CheckSchema),
});

/**
 * Liveness (the process answers) and readiness (Redis and the claims store answer, each within a
 * second). A load balancer takes a process that is not ready out of rotation and puts it back
 * when both answer again.
 */
export async function healthRoutes(app: FastifyInstance) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: Redis (PING) and the claims store (SELECT 1) answer within 1 s',
        response: { 200: ReadySchema, 503: UnavailableSchema },
      },
    },
    async (_request, reply) => {
      const checks = await Promise.all([
        probe('redis', () => app.redis.ping()),
        probe('store', () => app.claims.ping()),
      ]);
      const failing = checks.filter((c) => !c.ok).map((c) => c.name);
      if (failing.length === 0) return reply.code(200).send({ status: 'ready', checks });
      return reply.code(503).send({ status: 'unavailable', failing, checks });
    },
  );
}

async function probe(name: z.infer<typeof PartSchema>, check: () => Promise<unknown>) {
  try {
    await withTimeout(check(), CHECK_TIMEOUT_MS, name);
    return { name, ok: true };
  } catch {
    return { name, ok: false };
  }
}
