import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { RateLimitedError } from './rate-limited-error.ts';

/** Probes from the load balancer and orchestrator are never limited. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Every REST route, per client address, counted in Redis (so all processes share the count)
 * before anything else looks at the request (a bad token is counted too). A
 * limited request gets 429 `RATE_LIMITED` with `Retry-After` (seconds) and `retryAfterMs`; while
 * Redis is unreachable requests are not limited (they fail on Redis anyway).
 */
export async function registerRestLimit(app: FastifyInstance): Promise<void> {
  const { points, seconds } = app.config.limits.restPerIp;
  await app.register(rateLimit, {
    // Not per route: route hooks run after the routes' own onRequest hooks (token checks), so a
    // flood of bad tokens would never be counted. One hook at the root runs before all of them.
    global: false,
    max: points,
    timeWindow: seconds * 1000,
    redis: app.redis,
    nameSpace: `${app.keys.prefix}:limit:rest:`,
    skipOnError: true,
    allowList: (request) => PROBES.has(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, context.ttl)),
  });
  app.addHook('onRequest', app.rateLimit());
}
