import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../lib/repo.ts';

/** Raises the open-files limit for the bench's own processes only, as far as the machine allows. */
export const withOpenFilesLimit = (command: string) =>
  `ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; ${command}`;

/** The open-files limit the bench's processes get. */
export function openFilesLimit(): number {
  const out = execFileSync('bash', ['-c', withOpenFilesLimit('ulimit -n')], { encoding: 'utf8' }).trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
}

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  pid: number;
  /** The process's inspector (ws://…), or null if it has none. */
  inspector: Promise<string | null>;
  stop(): Promise<void>;
}

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

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
  };
}

const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;

/**
 * Keeps the last few kilobytes a child wrote to stderr, for the error when it dies, and passes it
 * on, except the inspector's own notices; resolves `inspector` with the inspector's address.
 */
function tail(child: ChildProcess): { text: () => string; inspector: Promise<string | null> } {
  let text = '';
  let found: (url: string | null) => void = () => {};
  const inspector = new Promise<string | null>((resolve) => {
    found = resolve;
  });
  child.once('exit', () => found(null));
  child.stderr?.on('data', (chunk: Buffer) => {
    const s = chunk.toString();
    text = (text + s).slice(-4000);
    const url = INSPECTOR.exec(s)?.[1];
    if (url) found(url);
    const rest = s
      .split('\n')
      .filter(
        (l) =>
          !/^(Debugger listening on|For help, see: https:\/\/nodejs.org\/en\/docs\/inspector|Debugger attached|Waiting for the debugger)/.test(
            l,
          ),
      )
      .join('\n');
    if (rest.trim()) process.stderr.write(rest);
  });
  return { text: () => text, inspector };
}

/**
 * The bench's server processes run with the inspector on a random loopback port, so that the idle
 * scenario can ask for a full garbage collection and read the heap (see heap.ts).
 */
const INSPECT = '--inspect=127.0.0.1:0';
/**
 * As `pnpm --filter @infocig/server start` runs it: a larger young generation, so the many
 * short-lived objects of each message die there instead of being promoted (about 10% less CPU
 * per message at 3,000–4,000 msg/s on this machine).
 */
const SERVER_FLAGS = '--max-semi-space-size=64';

/** One `node server/src/main.ts` process, as production runs it, answering /readyz. */
export async function startInfocig(
  index: number,
  env: Record<string, string | undefined>,
  profileDir?: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const profile = profileDir ? `--cpu-prof --cpu-prof-dir "${path.resolve(profileDir)}" ` : '';
  const child = spawn(
    'bash',
    [
      '-c',
      withOpenFilesLimit(
        `exec "${process.execPath}" ${SERVER_FLAGS} ${profile}${INSPECT} --import tsx src/main.ts`,
      ),
    ],
    {
      cwd: fromRoot('server'),
      env: Object.fromEntries(
        Object.entries({ ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  const { text: stderr, inspector } = tail(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`infocig ${index} exited (${code}): ${stderr()}`))),
  );
  const deadline = Date.now() + 90_000;
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(`${url}/readyz`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`infocig ${index} not ready after 90 s: ${stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return { name: `infocig-${index}`, url, child, pid: child.pid as number, inspector, stop: stopper(child) };
}

/** The bare Socket.IO relay (relay-server.ts): no auth, no persistence. */
export async function startRelay(): Promise<ServerProcess> {
  const entry = fileURLToPath(new URL('./relay-server.ts', import.meta.url));
  const child = spawn(
    'bash',
    ['-c', withOpenFilesLimit(`exec "${process.execPath}" ${INSPECT} --import tsx "$0"`), entry],
    {
      cwd: fromRoot('scripts'),
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    },
  );
  const { text: stderr, inspector } = tail(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${stderr()}`)));
  });
  return {
    name: 'relay',
    url: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid as number,
    inspector,
    stop: stopper(child),
  };
}
