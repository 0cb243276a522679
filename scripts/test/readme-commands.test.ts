import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/repo.ts';
import { newcomerEnv } from './support/start-process.ts';

const run = promisify(execFile);
const README = readFileSync(fromRoot('README.md'), 'utf8');

/** The rows of the Markdown table under `## heading`, as cells. */
function table(heading: string): string[][] {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const section = README.slice(start + heading.length + 5).split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
    .slice(1) // the header
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

const firstCode = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? '';
const allCode = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

/** Words of a command line, honouring double quotes. */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

/** `pnpm run x …` and `pnpm x …` both name the script x. */
const scriptOf = (command: string) => {
  const [, first, second] = words(command);
  return (first === 'run' ? second : first) ?? '';
};

/**
 * How each command is tried when a real run would be long or would change the checkout: the flag
 * added. The others run as written.
 */
const TRIED_WITH: Record<string, { flag: string; why: string }> = {
  start: { flag: '--dry-run', why: 'serves until stopped (start.test.ts runs it for real)' },
  'test:cluster': { flag: '--help', why: "the server's suite again on a Redis Cluster (.ci/run runs it)" },
  seed: { flag: '--dry-run', why: 'writes thousands of rows into the store' },
  bench: { flag: '--help', why: 'bench.test.ts runs --quick' },
  calibrate: { flag: '--help', why: 'minutes long; calibrate.test.ts runs a small fixed seed' },
  format: { flag: '--help', why: 'rewrites files' },
};

/**
 * Not run here: `pnpm test` is the whole suite, this test included, and even with `--help` it
 * would type-check and lint the repository a second time. `.ci/run` runs it as written.
 */
const NOT_RUN = new Set(['test']);

const rootScripts = Object.keys(
  (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

describe('README, Commands', () => {
  const commands = table('Commands').map((row) => firstCode(row[0] ?? ''));
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-readme-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lists pnpm commands of this repository', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const command of commands) {
      const [pnpm, first, second] = words(command);
      expect(pnpm, command).toBe('pnpm');
      expect(rootScripts, command).toContain(first === 'run' ? second : first);
    }
  });

  it.each(commands.filter((command) => !NOT_RUN.has(scriptOf(command))))(
    '`%s` works as written with pnpm 12',
    async (command) => {
      const [, first, second, ...rest] = words(command);
      const script = scriptOf(command);
      const tried = TRIED_WITH[script];
      const args = [first ?? '', second ?? '', ...rest].filter(Boolean);
      const { stdout, stderr } = await run('pnpm', tried ? [...args, tried.flag] : args, {
        cwd: fromRoot(),
        env: newcomerEnv({ INFOCIG_DATA_DIR: dataDir }),
        maxBuffer: 16 * 1024 * 1024,
      });
      const said = `${stdout}${stderr}`;
      expect(said).not.toMatch(/ERR_PNPM|Command failed/);
      if (script === 'token') expect(stdout.trim().split('\n').at(-1)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      else if (tried?.flag === '--dry-run') expect(stdout).toMatch(/^Would /m);
      else if (tried?.flag === '--help') expect(said.length).toBeGreaterThan(100);
    },
    180_000,
  );

  it('names only scripts that exist wherever it shows a pnpm command', () => {
    const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
    const inline = [...README.matchAll(/`(pnpm [^`]+)`/g)].map((m) => m[1] ?? '');
    const lines = [...blocks, ...inline].flatMap((line) => line.split(/&&|;|&\s/));
    for (const line of lines) {
      const w = words(line.replace(/#.*/, '')).filter((word) => !/^[A-Z_]+=/.test(word));
      const at = w.indexOf('pnpm');
      if (at < 0) continue;
      let [name, ...args] = w.slice(at + 1);
      let scripts = rootScripts;
      if (name === '--filter') {
        const pkg = args[0] ?? '';
        const dir = readdirSync(fromRoot()).find((d) => {
          try {
            return JSON.parse(readFileSync(fromRoot(d, 'package.json'), 'utf8')).name === pkg;
          } catch {
            return false;
          }
        });
        expect(dir, `${line}: no workspace package ${pkg}`).toBeTruthy();
        scripts = Object.keys(JSON.parse(readFileSync(fromRoot(dir ?? '', 'package.json'), 'utf8')).scripts);
        [name] = args.slice(1);
        args = [];
      }
      if (name === 'run') [name] = args;
      if (name === 'install' || name === undefined) continue;
      expect(scripts, `README shows "${line.trim()}"`).toContain(name);
      // pnpm's own token command answers `pnpm token`: the script needs `pnpm run token`.
      expect(line, 'write pnpm run token').not.toMatch(/pnpm token\b/);
    }
  });
});

/** What .gitignore keeps out of the repository (`node_modules/`, `.data/`, …), and .git. */
const IGNORED = new Set([
  '.git',
  ...readFileSync(fromRoot('.gitignore'), 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('/'))
    .map((line) => line.slice(0, -1)),
]);

/** The folders of the repository under `dir`, less what is ignored. */
function folders(dir: string): string[] {
  return readdirSync(fromRoot(dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !IGNORED.has(e.name))
    .map((e) => e.name)
    .sort();
}

describe('README, Layout', () => {
  const rows = table('Layout');
  const row = (folder: string) => rows.find((r) => firstCode(r[0] ?? '') === folder)?.[1] ?? '';

  it('lists the top-level folders that exist, and only those', () => {
    const listed = rows.map((r) => firstCode(r[0] ?? '').replace(/\/$/, '')).sort();
    expect(listed).toEqual(folders('.'));
  });

  it("names each of the server's capability folders, and only those", () => {
    const named = allCode(row('server/'))
      .filter((name) => /^[a-z-]+$/.test(name))
      .sort();
    expect(named).toEqual(folders('server/src'));
  });

  it("names each script and each of scripts' folders, and only those", () => {
    const named = allCode(row('scripts/')).sort();
    const present = [
      ...folders('scripts').map((d) => `${d}/`),
      ...readdirSync(fromRoot('scripts'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => f.replace(/\.ts$/, '')),
    ].sort();
    expect(named).toEqual(present);
  });
});
