import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, toWireError } from '../errors/app-error.ts';

/** REST errors in the wire shape: real messages for 4xx, a generic one for anything unexpected. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send({ error: error.toWire() });
    if (error.validation || (error.statusCode && error.statusCode < 500)) {
      return reply
        .code(error.statusCode ?? 400)
        .send({ error: { code: 'VALIDATION_FAILED', message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: toWireError(error) });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: new AppError('NOT_FOUND').toWire() }),
  );
  // Nothing the server answers may be kept by a browser or a shared cache: it is personal data or
  // depends on who asks. Static assets set their own caching below.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/') && !request.url.startsWith('/console/assets/')) {
      reply.header('Cache-Control', 'no-store');
    }
  });
}
