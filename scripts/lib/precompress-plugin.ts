import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

export interface CompressedFile {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

/**
 * Writes `name.br` and `name.gz` beside each text file of the bundle, at the strongest settings
 * (done once per build, so the server never compresses per request), and prints their sizes.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  let label = '';
  let silent = false;
  return {
    name: 'infocig:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      label = path.basename(config.root);
      silent = config.logLevel === 'silent';
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      const sizes = await Promise.all(files.map((file) => compressFile(dir, file)));
      if (!silent) console.log(formatSizes(label, sizes));
    },
  };
}

async function compressFile(dir: string, file: string): Promise<CompressedFile> {
  const raw = await readFile(path.join(dir, file));
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipped(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([
    writeFile(path.join(dir, `${file}.br`), br),
    writeFile(path.join(dir, `${file}.gz`), gz),
  ]);
  return { file, bytes: raw.length, gzip: gz.length, brotli: br.length };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);

export function formatSizes(label: string, sizes: CompressedFile[]): string {
  const width = Math.max(...sizes.map((s) => s.file.length), 4);
  const rows = [...sizes]
    .sort((a, b) => b.bytes - a.bytes)
    .map((s) => `  ${s.file.padEnd(width)} ${kB(s.bytes)}   gzip ${kB(s.gzip)}   brotli ${kB(s.brotli)}`);
  return [`${label} bundle (as served, pre-compressed):`, ...rows].join('\n');
}
