import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/responses.ts';
import { registerChatMetrics } from './chat-metrics.ts';
import { METRICS_TOKEN_FILE, resolveMetricsToken, tokenMatches } from './metrics-token.ts';

/**
 * Prometheus metrics at /metrics: Node's process metrics and the service's own. Not public: a
 * scrape presents `Authorization: Bearer <METRICS_TOKEN>`.
 */
export const metricsPlugin = fp(
  async (app) => {
    const token = await resolveMetricsToken(app.config);
    if (!token) {
      app.log.warn('METRICS_TOKEN is not set: /metrics is off');
      return;
    }
    if (!app.config.metricsToken)
      app.log.info(`/metrics asks for the bearer token in ${app.config.dataDir}/${METRICS_TOKEN_FILE}`);

    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    registerChatMetrics(app, registry);

    app.withTypeProvider<ZodTypeProvider>().get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics (text exposition format)',
          security: [{ metricsToken: [] }],
          response: {
            200: {
              description: 'Prometheus text format',
              content: { [registry.contentType]: { schema: z.string() } },
            },
            ...errorResponses(401),
          },
        },
        onRequest: async (request) => {
          const header = request.headers.authorization;
          if (!header?.startsWith('Bearer ')) throw new AppError('AUTH_TOKEN_MISSING');
          if (!tokenMatches(header.slice('Bearer '.length).trim(), token))
            throw new AppError('AUTH_TOKEN_INVALID');
        },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'metrics', dependencies: ['redis', 'store', 'chat', 'realtime'] },
);
