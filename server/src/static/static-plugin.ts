import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built widget demo page at `/` and the console at `/console/`, when configured. */
export async function staticRoutes(app: FastifyInstance) {
  const { widget, console: consoleDir } = app.config.staticDirs;
  if (consoleDir) {
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', decorateReply: false });
  }
  if (widget) {
    await app.register(fastifyStatic, { root: widget, prefix: '/', decorateReply: false });
  }
}
