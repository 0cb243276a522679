import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { edgesOnLoops, folderGraph, importsUnder } from '../architecture/imports.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What browser code may import from outside itself. */
const BROWSER_PACKAGES = new Set(['react', 'react-dom', 'react/jsx-runtime', 'socket.io-client', 'zod']);

describe('the code’s shape', () => {
  it('server folders import each other without loops (types count too)', async () => {
    const graph = await folderGraph(path.join(repo, 'server/src'));
    // The graph is really read: chat's scripts run on Redis, and its sockets reach chat.
    expect([...(graph.get('chat') ?? [])]).toContain('redis');
    expect([...(graph.get('sockets') ?? [])]).toContain('chat');
    expect(edgesOnLoops(graph)).toEqual([]);
  });

  it('finds a loop when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(edgesOnLoops(graph)).toEqual(['a -> b', 'b -> c', 'c -> a']);
  });

  it('the shared browser code imports nothing Node-only and nothing of the server', async () => {
    const browserDirs = ['shared/src/client', 'shared/src/ui'].map((dir) => path.join(repo, dir));
    const outside: string[] = [];
    for (const dir of browserDirs) {
      for (const { from, source } of await importsUnder(dir)) {
        const local = source.startsWith('.');
        const target = local ? path.resolve(path.dirname(from), source) : '';
        const fine = local
          ? target.startsWith(path.join(repo, 'shared/src')) &&
            !target.includes(`${path.sep}server${path.sep}`)
          : BROWSER_PACKAGES.has(source);
        if (!fine) outside.push(`${path.relative(repo, from)} imports ${source}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
