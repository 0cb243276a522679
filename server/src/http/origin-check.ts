import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';
import { createOriginPolicy, type OriginPolicy, sourceOf } from './origins.ts';

declare module 'fastify' {
  interface FastifyInstance {
    origins: OriginPolicy;
  }
}

/** The widget's loader (`widget.js`), whatever its query string. */
const LOADER = /^\/widget\.js(?:\?|$)/;

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Every HTTP request from a browser page of another origin is refused with ORIGIN_FORBIDDEN unless
 * that origin is listed; listed ones get CORS headers naming them (bearer tokens, never cookies).
 * Registered before every other hook, so a refused page learns nothing else. Socket.IO handshakes
 * are checked by the realtime plugin with the same policy.
 */
export const originCheck = fp(
  async (app) => {
    const policy = createOriginPolicy(app.config.allowedOrigins);
    app.decorate('origins', policy);
    app.addHook('onRequest', async (request, reply) => {
      const { origin } = request.headers;
      // The loader is public code and holds no data: any page may load it, so that on a page the
      // server does not serve it can still tell the person why (it asks, and gets ORIGIN_FORBIDDEN).
      if (LOADER.test(request.url)) {
        reply.header('Access-Control-Allow-Origin', '*');
        return;
      }
      if (policy.allows(sourceOf(request.headers))) return;
      // The refused page may read why (the widget's loader says so in words); nothing else. Sent
      // here rather than thrown, so that no route's own error handler words it differently.
      if (origin) reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      return reply
        .code(403)
        .header('Cache-Control', 'no-store')
        .send({ error: new AppError('ORIGIN_FORBIDDEN').toWire() });
    });
    await app.register(cors, {
      origin: (origin, done) => done(null, policy.isListed(origin)),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type'],
      maxAge: PREFLIGHT_MAX_AGE_S,
    });
  },
  { name: 'origin-check' },
);
