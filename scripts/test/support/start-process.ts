import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { fromRoot } from '../../lib/repo.ts';

/**
 * The environment of a newcomer's shell, built from nothing: HOME and PATH, less the folders the
 * test runner put on PATH. Nothing of Vitest's (NODE_ENV=test, VITEST_*, TEST_*) reaches the child.
 */
export function newcomerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const path = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => dir && !dir.includes('node_modules'))
    .join(':');
  return { PATH: path, HOME: process.env.HOME ?? tmpdir(), ...extra };
}

export interface StartRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Resolves once `text` appears on stdout; rejects if the process exits first. */
  printed(text: string): Promise<void>;
}

/** `pnpm start` (scripts/start.ts) in a process group of its own, as a terminal would run it. */
export function runStart(env: Record<string, string>, args: string[] = []): StartRun {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', fromRoot('scripts', 'start.ts'), ...args],
    { cwd: fromRoot(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    printed: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!out.includes(text)) return;
          child.stdout?.off('data', check);
          resolve();
        };
        child.stdout?.on('data', check);
        check();
        void exited.then((code) =>
          reject(new Error(`pnpm start exited (${code}) before "${text}":\n${out}\n${err}`)),
        );
      }),
  };
}

/** Processes whose process group is `pgid`, from /proc (the start and anything it spawned there). */
export function processesInGroup(pgid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so count from the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * What is left in the group once it settles (polled for up to 3 s): a helper such as esbuild's
 * service leaves a moment after its parent, when its pipe closes.
 */
export async function leftInGroup(pgid: number): Promise<number[]> {
  let left = processesInGroup(pgid);
  for (let i = 0; i < 30 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesInGroup(pgid);
  }
  return left;
}

/** The names of a running process's environment variables. */
export function environmentOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .filter(Boolean)
    .map((pair) => pair.slice(0, pair.indexOf('=')));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True once nothing accepts connections on the port (polled for up to 3 s). */
export async function eventuallyRefused(port: number): Promise<boolean> {
  for (let i = 0; i < 30; i++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export const privateRedisPort = (stdout: string): number =>
  Number(/private Redis at redis:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1] ?? Number.NaN);

export const printedAddress = (stdout: string, label: string): string =>
  new RegExp(`${label}:\\s+(http://\\S+)`).exec(stdout)?.[1] ?? '';
