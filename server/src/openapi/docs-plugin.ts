import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { requireOperator } from '../auth/operator-session.ts';

/**
 * Swagger UI at /docs, with the document at /docs/json and /docs/yaml. Open in development; with
 * DOCS_ACCESS=supervisor (the default in production) only a supervisor sees it: by bearer token,
 * or in a browser after the operator sign-in (/ops/login), which sets the operator cookie.
 */
export async function docsRoutes(app: FastifyInstance) {
  const guarded = app.config.docsAccess === 'supervisor';
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: false },
    ...(guarded ? { uiHooks: { onRequest: requireOperator(app.verifyToken, { loginRedirect: true }) } } : {}),
  });
}
