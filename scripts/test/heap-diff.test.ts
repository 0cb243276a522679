import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { growthPer, tally } from '../bench/heap-diff.ts';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'heap-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small process that snapshots its heap, then holds 2,000 objects that each keep a closure. */
const HOLDER = `
const v8 = require('node:v8');
class Marker { constructor(i) { this.i = i; this.held = function held() { return i; }; } }
globalThis.kept = [];
v8.writeHeapSnapshot(process.argv[1]);
for (let i = 0; i < 2000; i++) globalThis.kept.push(new Marker(i));
v8.writeHeapSnapshot(process.argv[2]);
`;

describe('heap-diff', () => {
  it('finds what each held item added, by kind, with functions named', { timeout: 60_000 }, async () => {
    const [before, after] = ['before', 'after'].map((name) => path.join(dir, `${name}.heapsnapshot`)) as [
      string,
      string,
    ];
    await run(process.execPath, ['-e', HOLDER, before, after]);
    const growth = growthPer(tally(before), tally(after), 2000);
    const marker = growth.find((g) => g.group === 'object Marker');
    const closure = growth.find((g) => g.group.startsWith('closure held'));
    expect(marker?.count).toBe(1);
    expect(marker?.bytes).toBeGreaterThan(0);
    expect(closure?.count).toBe(1);
    // Sorted by bytes, largest first.
    expect(growth.map((g) => g.bytes)).toEqual([...growth.map((g) => g.bytes)].sort((x, y) => y - x));
  });
});
