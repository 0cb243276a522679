import type { FastifyInstance } from 'fastify';
import { listenFailure } from './start-failure.ts';
import { onStopSignal } from './stop-signal.ts';

/**
 * A surge of visitors connects faster than a busy process accepts: Node's default queue of 511
 * overflows and the kernel drops the excess, so connections fail. The kernel caps it (somaxconn).
 */
export const LISTEN_BACKLOG = 4096;
/** A shutdown that has not finished by then (a hung socket, a stuck job) ends the process anyway. */
export const FORCED_EXIT_MS = 10_000;

export interface ServeOptions {
  /** Runs once the app has closed on shutdown, before the process exits: e.g. stop a private Redis. */
  afterClose?: () => Promise<void>;
  forcedExitMs?: number;
}

export interface Serving {
  /** Where it listens, e.g. `http://127.0.0.1:3000` (the port the system gave when PORT is 0). */
  url: string;
  port: number;
}

/**
 * The one way the product serves, for the server's entry and `pnpm start` alike: listen with the
 * configured host, port and backlog; on SIGTERM or SIGINT close the app (sockets drained, jobs
 * stopped, connections quit), run `afterClose`, exit 0; exit 1 if that takes longer than
 * `forcedExitMs`. Throws a `StartError` with what to do when it cannot listen.
 */
export async function serve(app: FastifyInstance, options: ServeOptions = {}): Promise<Serving> {
  const { host, port } = app.config;
  const forcedExitMs = options.forcedExitMs ?? FORCED_EXIT_MS;
  let closing = false;
  const stopListening = onStopSignal(async (signal) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      app.log.error({ signal, forcedExitMs }, 'shutdown did not finish in time: exiting anyway');
      process.exit(1);
    }, forcedExitMs);
    forced.unref();
    try {
      await app.close();
      await options.afterClose?.();
      app.log.info({ signal }, 'stopped');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  });
  try {
    await app.listen({ host, port, backlog: LISTEN_BACKLOG });
  } catch (error) {
    stopListening();
    throw listenFailure(error, host, port);
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${bound}`, port: bound };
}
