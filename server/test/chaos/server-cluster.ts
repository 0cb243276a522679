import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

/** One `node src/main.ts` child, its URL parsed from its JSON log. */
export interface ServerProcess {
  index: number;
  url: string;
  child: ChildProcess;
  alive: boolean;
  /** Log lines at level error or above, for the report. */
  errors: string[];
}

async function startProcess(index: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, ...env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    // Every line is read, so the pipe never fills; only the address and errors are kept.
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = LISTENING.exec(line);
        if (match?.[1]) resolve(match[1]);
        if (/"level":(50|60)/.test(line)) errors.push(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`server ${index} exited early (${code}): ${stderr}`)));
  });
  return { index, url, child, alive: true, errors };
}

/** Several server processes sharing one Redis and one database, as a deployment runs them. */
export class ServerCluster {
  private constructor(readonly processes: ServerProcess[]) {}

  /** One process per entry of `envs`, started side by side. */
  static async start(envs: Record<string, string>[]): Promise<ServerCluster> {
    const started = await Promise.allSettled(envs.map((env, index) => startProcess(index, env)));
    const processes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s) => s.status === 'rejected');
    if (failure) {
      for (const p of processes) p.child.kill('SIGKILL');
      throw failure.reason;
    }
    return new ServerCluster(processes);
  }

  get live(): ServerProcess[] {
    return this.processes.filter((p) => p.alive);
  }

  randomLive(): ServerProcess {
    const live = this.live;
    const chosen = live[Math.floor(random() * live.length)];
    if (!chosen) throw new Error('no server process left');
    return chosen;
  }

  kill(index: number): void {
    const target = this.processes[index];
    if (!target?.alive) return;
    target.alive = false;
    target.child.kill('SIGKILL');
  }

  /** SIGTERM to the survivors, waiting for each to exit (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(async (p) => {
        if (p.child.exitCode !== null || p.child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
        p.alive = false;
        p.child.kill('SIGTERM');
        const forced = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(forced);
      }),
    );
  }
}
