import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, ResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, toAppError, toWireError } from '../errors/app-error.ts';
import { RETRY_AFTER_SECONDS } from '../errors/dependency-failure.ts';

/** REST errors in the wire shape: real messages for 4xx, a generic one for anything unexpected. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'SERVICE_UNAVAILABLE') reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return reply.code(error.status).send({ error: error.toWire() });
    }
    // A route's zod schema refused the request: the same answer as a hand-made validationError.
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? 'invalid',
      }));
      const refused = new AppError('VALIDATION_FAILED', undefined, issues);
      return reply.code(refused.status).send({ error: refused.toWire() });
    }
    if (error instanceof ResponseSerializationError) {
      // Our answer broke its own schema: a bug, logged with the issues, never shown to the client.
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ error: toWireError(error) });
    }
    if (error.validation || (error.statusCode && error.statusCode < 500)) {
      return reply
        .code(error.statusCode ?? 400)
        .send({ error: { code: 'VALIDATION_FAILED', message: error.message } });
    }
    const coded = toAppError(error);
    if (coded.code === 'SERVICE_UNAVAILABLE') {
      request.log.warn({ err: error.message }, 'request failed: a dependency is unreachable');
      return reply
        .code(503)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .send({ error: coded.toWire() });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: coded.toWire() });
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
