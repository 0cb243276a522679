import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIGURE_LABELS } from '../bench/report.ts';
import { fromRoot } from '../lib/repo.ts';

const run = promisify(execFile);

/** The printed block of one scenario: from its title line to the next blank line. */
function block(output: string, title: string): string {
  const start = output.indexOf(`── ${title} ─`);
  expect(start, `no block for ${title}`).toBeGreaterThanOrEqual(0);
  const end = output.indexOf('\n\n', start);
  return output.slice(start, end === -1 ? undefined : end);
}

const NUMBER = String.raw`[\d][\d,.]*`;
const figure = (label: string) => new RegExp(`^  ${label}:\\s+(?:p50 )?${NUMBER}`, 'm');

/** Figures a scenario has no material for (an idle socket sends nothing) print as n/a. */
const NOT_APPLICABLE: Record<string, readonly string[]> = {
  '(a) idle capacity': ['delivery visitor→advisor', 'delivery advisor→visitor', 'assignment p99'],
  '(a) idle capacity — bare relay': [
    'delivery visitor→advisor',
    'delivery advisor→visitor',
    'assignment p99',
    'claim-status answer p99',
  ],
  '(b) steady chat': [],
  '(b) steady chat — turnover': [],
  '(b) steady chat — bare relay': ['assignment p99', 'claim-status answer p99'],
  '(c) surge': [],
  '(d) claim-status lookups': ['delivery visitor→advisor', 'delivery advisor→visitor', 'assignment p99'],
  '(f) connects per second': ['delivery visitor→advisor', 'delivery advisor→visitor', 'assignment p99'],
};

// A smoke run of the real thing: servers, relay, generators, Redis and the store. No timings are
// asserted — only that every figure is measured and printed.
describe('pnpm bench --quick', () => {
  it('runs every scenario and prints every figure with a number', { timeout: 220_000 }, async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', fromRoot('scripts', 'bench', 'main.ts'), '--quick'],
      {
        cwd: fromRoot(),
        maxBuffer: 16 * 1024 * 1024,
        timeout: 210_000,
      },
    );

    for (const [title, absent] of Object.entries(NOT_APPLICABLE)) {
      const text = block(stdout, title);
      for (const label of FIGURE_LABELS) {
        if (absent.includes(label)) expect(text).toMatch(new RegExp(`^  ${label}:\\s+n/a`, 'm'));
        else expect(text, `${title}: ${label}`).toMatch(figure(label));
      }
    }
    // Messages really flowed, and nothing was lost or delivered twice.
    const steadyChat = block(stdout, '(b) steady chat');
    expect(steadyChat).toMatch(/^ {2}lost messages:\s+0$/m);
    expect(steadyChat).toMatch(/^ {2}duplicated messages:\s+0$/m);
    expect(steadyChat).toMatch(/delivery visitor→advisor:\s+p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms/);

    expect(block(stdout, '(a) idle capacity')).toMatch(/memory per connection \(RSS growth\):\s+-?[\d.]+ KB/);
    expect(block(stdout, '(b) throughput sweep — bare relay')).toMatch(/highest rate with p99 ≤ 50 ms:/);
    expect(block(stdout, '(c) surge')).toMatch(/queue peak:\s+\d/);
    const flood = block(stdout, '(e) flood: one socket at the limit');
    expect(flood).toMatch(/honest p99 delivery, quiet:\s+[\d.]+ ms/);
    expect(flood).toMatch(/honest p99 delivery, during the flood:\s+[\d.]+ ms/);
    expect(flood).toMatch(/flooding socket:\s+[\d,]+ sent, [\d,]+ accepted, [\d,]+ RATE_LIMITED/);
    const connects = block(stdout, '(f) connects per second');
    for (const rate of ['50', '100'])
      expect(connects).toMatch(
        new RegExp(
          `${rate} connects/s offered:\\s+\\d+/s served.*claims at connect p50 [\\d.]+ ms p99 [\\d.]+ ms, server \\d+% cpu \\(\\d+ µs a connect\\)`,
        ),
      );
    expect(stdout).toMatch(/1,000 visitor connects\/s, claims at connect p99 ≤ 50 ms/);
    const ceiling = block(
      stdout,
      'the ceiling: infocig against a bare Socket.IO relay, same machine, same generators',
    );
    expect(ceiling).toMatch(/memory per idle connection:\s+infocig -?[\d.]+ KB, relay -?[\d.]+ KB/);
    expect(ceiling).toMatch(/throughput at p99 ≤ 50 ms:\s+infocig [\d,]+ msg\/s, relay [\d,]+ msg\/s/);
    expect(ceiling).toMatch(/server CPU per delivered message:\s+infocig [\d,]+ µs, relay [\d,]+ µs/);
    expect(steadyChat).toMatch(
      /per delivered message:\s+\d+ µs server CPU, [\d.]+ Redis commands \([\d,]+\/s\)/,
    );
    expect(stdout).toMatch(/── targets: one server process/);
    expect(stdout).toMatch(/cleaned up: \d+ Redis keys/);
  });
});
