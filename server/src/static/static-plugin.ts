import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every file under `assets/` by a hash of its content: a new build gives new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages name the current assets, so a browser checks them (a cheap 304) on every load. */
export const REVALIDATE = 'no-cache';

const HASHED = /^\/(?:console\/)?assets\//;

/**
 * Serves the built widget demo page at `/` and the console at `/console/`, when configured, as a
 * web server in front would: the build's brotli or gzip copies (see scripts/lib/precompress-plugin.ts)
 * to clients that accept them, hashed assets cached for a year, pages revalidated.
 */
export async function staticRoutes(app: FastifyInstance) {
  const { widget, console: consoleDir } = app.config.staticDirs;
  // Runs after the application's hooks (parent hooks first), for these routes only.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode >= 400) {
      reply.header('Cache-Control', 'no-store');
      return;
    }
    reply.header('Cache-Control', HASHED.test(request.url) ? IMMUTABLE : REVALIDATE);
    // The same address answers brotli, gzip or plain bytes: shared caches must keep them apart.
    reply.header('Vary', 'Accept-Encoding');
  });
  const options = { decorateReply: false, preCompressed: true, cacheControl: false } as const;
  if (consoleDir) await app.register(fastifyStatic, { ...options, root: consoleDir, prefix: '/console/' });
  if (widget) await app.register(fastifyStatic, { ...options, root: widget, prefix: '/' });
}
