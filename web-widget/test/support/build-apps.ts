import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const widgetRoot = path.resolve(here, '../..');
const consoleRoot = path.resolve(here, '../../../advisor-console');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where both apps were built for this run: `widget/` and `console/`. */
    e2eDist: string;
  }
}

/**
 * Builds the app, minified as it ships but with React's development build: only that one reports
 * duplicate keys and other mistakes, and every browser test fails on such a report.
 */
async function buildApp(root: string, outDir: string) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  try {
    await build({
      root,
      logLevel: 'warn',
      mode: 'production',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Vitest global set-up of the browser tests: both apps built once, shared read-only by every suite. */
export default async function buildOnce(project: TestProject) {
  const dist = await mkdtemp(path.join(tmpdir(), 'infocig-dist-'));
  // One after the other: each build sets NODE_ENV for its duration.
  await buildApp(widgetRoot, path.join(dist, 'widget'));
  await buildApp(consoleRoot, path.join(dist, 'console'));
  project.provide('e2eDist', dist);
  return async () => {
    await rm(dist, { recursive: true, force: true });
  };
}
