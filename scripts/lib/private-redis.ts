import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { StartError } from '@infocig/server';
import { Redis } from 'ioredis';

export interface PrivateRedis {
  url: string;
  pid: number;
  /** SIGTERM, then waits for it to exit (SIGKILL after 5 s): with AOF it flushes first. */
  stop(): Promise<void>;
  /** SIGTERM without waiting, for a process that is exiting right now. */
  kill(): void;
}

export interface PrivateRedisOptions {
  /** Defaults to a free one. */
  port?: number;
  /**
   * Keep the data in `dir` across restarts: append-only file, fsync'd once a second. Off for
   * throw-away instances (the bench), which keep nothing on disk but their folder.
   */
  persist?: boolean;
}

/** Throws the one line that tells a newcomer how to get Redis when redis-server is not installed. */
export function requireRedisServer(): void {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new StartError(
      'redis-server not found: install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis), or set REDIS_URL to a running Redis.',
    );
  }
}

/** Starts the machine's redis-server on 127.0.0.1, its files (log, pid, data) in `dir`. */
export async function startPrivateRedis(
  dir: string,
  options: PrivateRedisOptions = {},
): Promise<PrivateRedis> {
  requireRedisServer();
  mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'redis.pid');
  const logFile = path.join(dir, 'redis.log');
  await stopLeftover(pidFile);
  const port = options.port ?? (await freePort());
  const persistence = options.persist
    ? ['--appendonly', 'yes', '--appendfsync', 'everysec']
    : ['--appendonly', 'no'];
  // A session of its own: Ctrl-C in the terminal reaches the server, which stops Redis only after
  // it has closed, instead of Redis vanishing under the server's feet.
  const child: ChildProcess = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence],
      ...['--dir', dir, '--pidfile', pidFile, '--logfile', logFile],
    ],
    { stdio: 'ignore', detached: true },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitUntilUp(url),
      exited.then(() => {
        throw new StartError(`redis-server stopped at start: ${lastLine(logFile)} (its log: ${logFile})`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  return {
    url,
    pid: child.pid ?? 0,
    kill,
    async stop() {
      kill();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A redis-server left running by a start that was killed outright would share the data folder. */
async function stopLeftover(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('redis-server')) return;
  } catch {
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').at(-1)?.trim() ?? 'no log';
  } catch {
    return 'no log';
  }
}

async function waitUntilUp(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      redis.disconnect();
    }
  }
}

/** A port nothing listens on right now (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
