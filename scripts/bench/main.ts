/**
 * `pnpm bench`: infocig under load, next to the fastest the stack allows (a bare Socket.IO relay),
 * on this machine. See `pnpm bench --help` and the README's "Performance" section.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, loadOrCreateDevKeys } from '@infocig/server';
import { Bench } from './bench.ts';
import { chooseRedis, deleteKeys } from './environment.ts';
import { GeneratorPool } from './generator-pool.ts';
import { parseOptions, USAGE } from './options.ts';
import { openFilesLimit, type ServerProcess, startInfocig, startRelay } from './processes.ts';
import { Progress } from './progress.ts';
import { formatCeiling, formatScenario, formatTargets, markdown } from './report.ts';
import type { ScenarioResult } from './result.ts';
import { claimLookups } from './scenarios/claims.ts';
import { connectPeople, connectsScenario } from './scenarios/connects.ts';
import { floodScenario } from './scenarios/flood.ts';
import { idle, idleCapacity } from './scenarios/idle.ts';
import { steady } from './scenarios/steady.ts';
import { surge } from './scenarios/surge.ts';
import { turnover } from './scenarios/turnover.ts';
import { prepareStore } from './store.ts';

/**
 * The generators' honest load is many chats per advisor from few loopback addresses: above the
 * defaults meant for people, but a flood (2,000 msg/s) stays far past them. The flooder is never
 * dropped (LIMIT_DISCONNECT_AFTER=0), so scenario (e) measures the limiter absorbing it throughout.
 */
const BENCH_LIMITS = {
  LIMIT_MESSAGES_PER_SOCKET: '50/1',
  LIMIT_MESSAGES_BURST_PER_SOCKET: '200/10',
  LIMIT_MESSAGES_PER_IDENTITY: '60/1',
  LIMIT_MESSAGES_BURST_PER_IDENTITY: '200/10',
  LIMIT_COMMANDS_PER_SOCKET: '1000/1',
  LIMIT_COMMANDS_BURST_PER_SOCKET: '1000/10',
  LIMIT_READS_PER_IDENTITY: '10000/10',
  LIMIT_CHAT_REQUESTS_PER_IDENTITY: '1000/60',
  LIMIT_HANDSHAKES_PER_IP: '1000000/60',
  LIMIT_HANDSHAKES_PER_IDENTITY: '1000/60',
  LIMIT_REST_PER_IP: '1000000/60',
  LIMIT_DISCONNECT_AFTER: '0',
};

function machine(openFiles: number): string[] {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [
    `machine: ${model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`,
    `open-files limit for the bench's processes: ${openFiles.toLocaleString('en')} (hard limit of this machine)`,
    `load average at start: ${load} — a shared machine: "everything else" in each phase is CPU used by other processes, PostgreSQL included`,
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const startedAt = Date.now();
  const openFiles = openFilesLimit();
  const servers: ServerProcess[] = [];
  let pool: GeneratorPool | undefined;
  const progress = new Progress(
    () => pool,
    () => servers.map((s) => s.pid),
    options.quick ? 2000 : 3000,
  );
  const log = (l: string) => progress.log(l);
  console.log(
    `infocig load benchmark${options.quick ? ' (quick)' : ''} — scenarios ${options.scenarios.join(', ')}`,
  );
  for (const l of machine(openFiles)) console.log(l);

  const redis = await chooseRedis();
  const prefix = `infocig-bench:${options.runTag}`;
  log(`Redis: ${redis.description}, key prefix ${prefix}`);
  const claimsPeople = options.quick ? 30 : 300;
  const turnoverChats = Math.ceil((options.chatsPerHour / 3600) * options.duration) + 10;
  const connecting = options.scenarios.includes('f') ? connectPeople(options.quick, options.duration) : 0;
  const needed =
    options.visitors +
    options.conversations +
    turnoverChats +
    options.surge +
    claimsPeople +
    connecting +
    100;
  const store = await prepareStore({
    schema: options.storeSchema,
    keep: options.keepStore,
    workers: options.workers,
    people: needed,
    allowPglite: options.quick,
    log,
  });
  log(
    `claims store: ${store.description}: ${store.rows.paymentRequests.toLocaleString('en')} payment requests, ${store.rows.applications.toLocaleString('en')} applications, ${store.rows.workers.toLocaleString('en')} workers${store.seedSeconds === null ? ' (already seeded)' : ` (seeded in ${store.seedSeconds.toFixed(0)} s)`}`,
  );
  const processes = store.engine === 'pglite' ? 1 : options.processes;
  if (processes < options.processes)
    log('PGlite can be opened by one process only: running one server process.');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'infocig-bench-'));
  const keys = await loadOrCreateDevKeys(dataDir);
  const { auth } = loadConfig({});
  let relay: ServerProcess | undefined;
  const results = new Map<string, ScenarioResult>();
  let cleaned: Promise<void> | undefined;
  /** Stops every process the bench started and removes what it wrote; once, also on Ctrl-C. */
  const cleanup = () => {
    cleaned ??= (async () => {
      progress.done();
      await pool?.stop();
      await Promise.all(servers.map((s) => s.stop()));
      await relay?.stop();
      const deleted = await deleteKeys(redis.url, prefix).catch(() => 0);
      await store.dispose();
      redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
      log(
        `cleaned up: ${deleted} Redis keys under ${prefix}${options.keepStore ? '; store kept' : ', the store dropped'}`,
      );
    })();
    return cleaned;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const serverEnv = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
      // The bench measures on the machine's Redis, which keeps nothing on disk.
      REDIS_ACCEPT_NO_PERSISTENCE: 'true',
      SERVICE_HOURS_WORKERS: 'always',
      SERVICE_HOURS_EMPLOYERS: 'always',
      INFOCIG_DATA_DIR: dataDir,
      ...BENCH_LIMITS,
      ...store.serverEnv,
    };
    log(
      `starting ${processes} infocig server process${processes > 1 ? 'es' : ''}, the relay and ${options.generators} generators…`,
    );
    servers.push(
      ...(await Promise.all(
        Array.from({ length: processes }, (_, i) => startInfocig(i, serverEnv, options.profile)),
      )),
    );
    relay = await startRelay();
    pool = await GeneratorPool.start(options.generators, {
      privateKeyPem: keys.privateKeyPem,
      issuer: auth.issuer,
      audience: auth.audience,
    });
    const bench = new Bench(
      options,
      pool,
      servers,
      relay,
      redis,
      store,
      prefix,
      progress,
      openFiles,
      os.cpus().length,
    );
    const claimsVisitors = bench.people(claimsPeople, true);
    const report = (r: ScenarioResult) => {
      results.set(r.id, r);
      console.log(`\n${formatScenario(r)}\n`);
    };

    if (options.scenarios.includes('a')) {
      if (idleCapacity(bench, 'infocig') < options.visitors)
        log(
          `the open-files limit (${openFiles}) caps the idle visitors at ${idleCapacity(bench, 'infocig')} per server process`,
        );
      report(await idle(bench, 'infocig'));
      report(await idle(bench, 'relay'));
    }
    if (options.scenarios.includes('b')) {
      const b = await steady(bench);
      report(b.steady);
      report(b.steadyRelay);
      report(b.sweep);
      report(b.sweepRelay);
      report(await turnover(bench));
    }
    if (options.scenarios.includes('c')) report(await surge(bench));
    if (options.scenarios.includes('d')) report(await claimLookups(bench, claimsVisitors));
    if (options.scenarios.includes('e')) report(await floodScenario(bench));
    if (options.scenarios.includes('f')) report(await connectsScenario(bench));

    console.log(`\n${formatCeiling(results).join('\n')}\n`);
    console.log(`${formatTargets(results, openFiles).join('\n')}\n`);
    const table = path.join(os.tmpdir(), `infocig-bench-${options.runTag}.md`);
    writeFileSync(table, `${markdown([...results.values()])}\n`);
    log(`done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; a Markdown table of this run: ${table}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
