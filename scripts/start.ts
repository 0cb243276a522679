/**
 * `pnpm start`: the whole product on one machine with demo data. Uses REDIS_URL or else a private
 * redis-server, DATABASE_URL or else embedded PGlite under .data/, builds the two front-ends and
 * serves them from the server.
 */
import { buildApp, DEMO_PERSONAS, loadConfig } from '@infocig/server';
import { seedIfEmpty } from '@infocig/server/store';
import { buildFrontEnds } from './lib/build-apps.ts';
import { type PrivateRedis, RedisUnavailableError, startPrivateRedis } from './lib/private-redis.ts';
import { fromRoot } from './lib/repo.ts';

const DEMO_WORKERS = Number(process.env.DEMO_WORKERS ?? 2000);

async function main() {
  let redis: PrivateRedis | undefined;
  if (!process.env.REDIS_URL) {
    redis = await startPrivateRedis(fromRoot('.data', 'redis'));
    console.log(`Started a private Redis at ${redis.url}`);
  }
  console.log('Building the widget and the console…');
  const dist = await buildFrontEnds();

  const config = loadConfig({
    ...process.env,
    REDIS_URL: process.env.REDIS_URL ?? redis?.url,
    INFOCIG_DATA_DIR: process.env.INFOCIG_DATA_DIR ?? fromRoot('.data'),
    WIDGET_DIST: dist.widget,
    CONSOLE_DIST: dist.console,
  });
  const app = await buildApp(config);
  const seeded = await seedIfEmpty(app.db, { workers: DEMO_WORKERS });
  if (seeded) console.log(`Seeded the claims store with demo data (${DEMO_WORKERS} workers).`);
  await app.listen({ host: config.host, port: config.port });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  printWelcome(
    base,
    config.store.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.store.dataDir}`,
  );

  const stop = async () => {
    await app.close();
    redis?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function printWelcome(base: string, store: string) {
  const lines = [
    '',
    'infocig is running.',
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
    '  A token for scripts: pnpm token worker-rm',
    '  Health: /healthz  Readiness: /readyz',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof RedisUnavailableError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
