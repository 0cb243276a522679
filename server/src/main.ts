import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/config.ts';

const LISTEN_BACKLOG = 4096;

/** The server process: build, listen, and drain on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const app = await buildApp(config);
  // A surge of visitors connects faster than a busy process accepts: Node's default queue of 511
  // overflows and the kernel drops the excess, so connections fail. The kernel caps it (somaxconn).
  await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
