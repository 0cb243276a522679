import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { auditPlugin } from './audit/audit-plugin.ts';
import { authPlugin } from './auth/auth-plugin.ts';
import { operatorCookies, operatorRoutes } from './auth/operator-routes.ts';
import { chatPlugin } from './chat/chat-plugin.ts';
import { claimsPlugin } from './claims/claims-plugin.ts';
import type { Config } from './config/config.ts';
import { trustFunction } from './config/trust-proxy.ts';
import { devRoutes } from './dev/dev-routes.ts';
import { figuresPlugin } from './figures/figures-plugin.ts';
import { followUpsPlugin } from './followups/followups-plugin.ts';
import { healthRoutes } from './health/health-routes.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { originCheck } from './http/origin-check.ts';
import { securityHeaders } from './http/security-headers.ts';
import { jobBoardRoutes } from './jobs/job-board.ts';
import { jobsPlugin } from './jobs/jobs-plugin.ts';
import { limitsPlugin } from './limits/limits-plugin.ts';
import { metricsPlugin } from './metrics/metrics-plugin.ts';
import { docsRoutes } from './openapi/docs-plugin.ts';
import { openapiPlugin } from './openapi/openapi-plugin.ts';
import { presencePlugin } from './presence/presence-plugin.ts';
import { privacyPlugin } from './privacy/privacy-plugin.ts';
import { realtimePlugin } from './realtime/realtime-plugin.ts';
import { redisPlugin } from './redis/redis-plugin.ts';
import { rolloutPlugin } from './rollout/rollout-plugin.ts';
import { routingPlugin } from './routing/routing-plugin.ts';
import { meRoutes } from './self-service/me-routes.ts';
import { namespacesPlugin } from './sockets/namespaces-plugin.ts';
import { staticRoutes } from './static/static-plugin.ts';
import { storePlugin } from './store/store-plugin.ts';
import { supervisionRoutes } from './supervision/advisor-routes.ts';
import { auditRoutes } from './supervision/audit-routes.ts';
import { cannedRoutes } from './supervision/canned-routes.ts';
import { figuresRoutes } from './supervision/figures-routes.ts';
import { referralRoutes } from './supervision/referral-routes.ts';
import { rolloutRoutes } from './supervision/rollout-routes.ts';
import { supervisionPlugin } from './supervision/supervision-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/**
 * Builds the application without listening, so tests and the process entry share it.
 * Order: external connections, then the application's capabilities, then routes.
 */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // Opening the embedded store (PGlite, WebAssembly) can take seconds on a loaded machine.
    pluginTimeout: 60_000,
    // Behind a load balancer, request.ip (and so the per-address limits) is the client's.
    trustProxy: trustFunction(config.trustProxy),
    logController: new LogController({ disableRequestLogging: config.env !== 'production' }),
  });
  app.decorate('config', config);
  installErrorHandling(app);
  await app.register(originCheck);
  await app.register(securityHeaders);
  await app.register(openapiPlugin);
  await app.register(operatorCookies);

  await app.register(redisPlugin);
  await app.register(storePlugin);
  await app.register(auditPlugin);
  await app.register(authPlugin);
  await app.register(rolloutPlugin);
  await app.register(realtimePlugin);
  await app.register(limitsPlugin);
  await app.register(jobsPlugin);
  await app.register(claimsPlugin);
  await app.register(routingPlugin);
  await app.register(chatPlugin);
  await app.register(presencePlugin);
  await app.register(followUpsPlugin);
  await app.register(figuresPlugin);
  await app.register(privacyPlugin);
  await app.register(supervisionPlugin);
  await app.register(namespacesPlugin);
  await app.register(metricsPlugin);

  await app.register(healthRoutes);
  await app.register(supervisionRoutes);
  await app.register(figuresRoutes);
  await app.register(auditRoutes);
  await app.register(rolloutRoutes);
  await app.register(cannedRoutes);
  await app.register(referralRoutes);
  await app.register(meRoutes);
  if (config.devTools) await app.register(devRoutes);
  await app.register(operatorRoutes);
  await app.register(docsRoutes);
  await app.register(jobBoardRoutes);
  await app.register(staticRoutes);
  return app;
}
