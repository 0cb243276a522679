import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAst } from 'vite';

/** One import of a source file: where from, and whether only types cross it. */
export interface Import {
  from: string;
  source: string;
  typeOnly: boolean;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every static import and re-export of every TypeScript file under `dir`, parsed (not pattern-matched). */
export async function importsUnder(dir: string): Promise<Import[]> {
  const found: Import[] = [];
  for (const file of await sourceFiles(dir)) {
    const lang = file.endsWith('.tsx') ? 'tsx' : 'ts';
    const program = parseAst(await readFile(file, 'utf8'), { lang });
    for (const node of program.body) {
      if (
        (node.type === 'ImportDeclaration' ||
          node.type === 'ExportAllDeclaration' ||
          node.type === 'ExportNamedDeclaration') &&
        node.source
      ) {
        const kind = node.type === 'ImportDeclaration' ? node.importKind : node.exportKind;
        found.push({ from: file, source: String(node.source.value), typeOnly: kind === 'type' });
      }
    }
  }
  return found;
}

/** The top folder under `root` a file sits in (`chat` for `root/chat/lua/x.ts`); null for files at the root. */
function folderOf(root: string, file: string): string | null {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : null;
}

/** Folder → the folders its files import (relative imports only; types count too). */
export async function folderGraph(root: string): Promise<Map<string, Set<string>>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, source } of await importsUnder(root)) {
    if (!source.startsWith('.')) continue;
    const a = folderOf(root, from);
    const b = folderOf(root, path.resolve(path.dirname(from), source));
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  return graph;
}

/** The edges `a -> b` that lie on a loop: `b` leads back to `a`. Sorted, for stable reports. */
export function edgesOnLoops(graph: Map<string, Set<string>>): string[] {
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(graph.get(at) ?? []));
    }
    return false;
  };
  const edges: string[] = [];
  for (const [a, targets] of graph) for (const b of targets) if (reaches(b, a)) edges.push(`${a} -> ${b}`);
  return edges.sort();
}
