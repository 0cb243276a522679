/**
 * `pnpm start`: the whole product on one machine with demo data. Uses REDIS_URL or else a private
 * redis-server (data kept in its append-only file under the data folder), DATABASE_URL or else
 * embedded PGlite under the data folder, builds the two front-ends and serves them from the
 * server, through the same `serve` as the server's own entry.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildApp,
  DEMO_PERSONAS,
  exitOnStartFailure,
  loadConfig,
  onStopSignal,
  StartError,
  serve,
} from '@infocig/server';
import { seedIfEmpty } from '@infocig/server/store';
import { buildFrontEnds, FRONT_END_DIST } from './lib/build-apps.ts';
import { freePort, type PrivateRedis, requireRedisServer, startPrivateRedis } from './lib/private-redis.ts';
import { fromRoot } from './lib/repo.ts';

const USAGE = `pnpm start [--port N] [--dry-run]

Builds the widget and the console and serves them with the server and demo data.
  --port N    listen on port N (default: PORT, else 3000; 0 for any free port)
  --dry-run   check the configuration and what is needed, say what would start, start nothing
  --help      this text

Redis: REDIS_URL, else a private redis-server whose data stays in INFOCIG_DATA_DIR/redis.
Claims store: DATABASE_URL, else PGlite in INFOCIG_DATA_DIR/pglite (INFOCIG_DATA_DIR: .data).
Other settings: README, Configuration.`;

// Taken before anything runs: the front-end build sets NODE_ENV for itself.
const env = { ...process.env };

function options(): { port?: string; dryRun: boolean } {
  // `pnpm start -- --port 3100` passes the `--` on.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  try {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { ...(values.port === undefined ? {} : { port: values.port }), dryRun: values['dry-run'] };
  } catch (error) {
    throw new StartError(`${(error as Error).message} (pnpm start --help lists the options)`);
  }
}

let redis: PrivateRedis | undefined;
let app: Awaited<ReturnType<typeof buildApp>> | undefined;

/** What this start has started, stopped in reverse; safe to call twice. */
async function stopStarted(): Promise<void> {
  await app?.close().catch(() => undefined);
  app = undefined;
  await redis?.stop();
  redis = undefined;
}
// Whatever way the process ends, it does not leave its Redis behind.
process.once('exit', () => redis?.kill());

async function main() {
  const { port, dryRun } = options();
  const dataDir = path.resolve(env.INFOCIG_DATA_DIR ?? fromRoot('.data'));
  let privateRedisPort: number | undefined;
  if (!env.REDIS_URL) {
    requireRedisServer();
    privateRedisPort = await freePort();
  }
  // Checked before anything starts, so a bad setting leaves nothing behind.
  const config = loadConfig({
    ...env,
    ...(port === undefined ? {} : { PORT: port }),
    REDIS_URL: env.REDIS_URL ?? `redis://127.0.0.1:${privateRedisPort}`,
    INFOCIG_DATA_DIR: dataDir,
    WIDGET_DIST: FRONT_END_DIST.widget,
    CONSOLE_DIST: FRONT_END_DIST.console,
  });
  const store = config.store.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.store.dataDir}`;
  if (dryRun) {
    const redisPlan = env.REDIS_URL
      ? `Redis at REDIS_URL`
      : `a private redis-server, data in ${dataDir}/redis`;
    console.log(`Would start ${redisPlan}, build the widget and the console, open the claims store`);
    console.log(`(${store}) and listen on ${config.host}:${config.port}. Configuration: ok.`);
    return;
  }

  const stopEarly = onStopSignal(async (signal) => {
    console.error(`Stopped by ${signal} while starting.`);
    await stopStarted();
    process.exit(1);
  });
  if (privateRedisPort !== undefined) {
    redis = await startPrivateRedis(path.join(dataDir, 'redis'), { port: privateRedisPort, persist: true });
    console.log(`Started a private Redis at ${redis.url} (data in ${path.join(dataDir, 'redis')})`);
  }
  console.log('Building the widget and the console…');
  await buildFrontEnds();

  app = await buildApp(config);
  const demoWorkers = Number(env.DEMO_WORKERS ?? 2000);
  if (await seedIfEmpty(app.db, { workers: demoWorkers })) {
    console.log(`Seeded the claims store with demo data (${demoWorkers} workers).`);
  }
  stopEarly();
  const { url } = await serve(app, {
    afterClose: async () => {
      app = undefined; // closed by serve
      await stopStarted();
    },
  });
  printWelcome(url, store);
}

function printWelcome(base: string, store: string) {
  const lines = [
    '',
    'infocig is running. Ctrl-C stops it.',
    `  Claims store: ${store}`,
    '',
    `  Worker widget (demo portal page):  ${base}/?persona=worker-rm`,
    `  Advisor console:                   ${base}/console/?persona=advisor`,
    '',
    '  Open the two in separate tabs: the worker sees their claims and asks for an advisor;',
    '  the advisor takes the chat in the console.',
    '',
    '  Demo identities (pick one on the demo page, or pass ?persona=ID):',
    ...Object.entries(DEMO_PERSONAS).map(([id, p]) => `    ${id.padEnd(15)} ${p.name} (${p.role})`),
    '',
    '  A token for scripts: pnpm run token worker-rm',
    `  Health: ${base}/healthz  Readiness: ${base}/readyz`,
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  await stopStarted().catch(() => undefined);
  exitOnStartFailure(error);
});
