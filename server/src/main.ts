import { buildApp } from './app.ts';
import { loadConfig } from './config/config.ts';
import { serve } from './serve/serve.ts';
import { exitOnStartFailure } from './serve/start-failure.ts';

/** The server process: read the configuration, build the app, serve it until SIGTERM/SIGINT. */
async function main() {
  const app = await buildApp(loadConfig());
  await serve(app);
}

main().catch(exitOnStartFailure);
