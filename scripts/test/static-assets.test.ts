import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '@infocig/server/testing';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/repo.ts';

let dist: string;
let server: TestServer;
let script: string;

/** The widget as the build ships it (its Vite config, pre-compression included), served for real. */
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'infocig-static-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // Vitest's `test` would bundle React's development build
  try {
    await build({
      root: fromRoot('web-widget'),
      mode: 'production',
      logLevel: 'silent',
      build: { outDir: dist },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const js = (await readdir(path.join(dist, 'assets'))).find((f) => f.endsWith('.js'));
  if (!js) throw new Error('the build has no script');
  script = `/assets/${js}`;
  server = await startTestServer({ staticDirs: { widget: dist } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(dist, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${pathname}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('static assets', () => {
  it('sends a hashed script brotli-encoded to a client that accepts brotli, cached for a year', async () => {
    const original = await readFile(path.join(dist, script));
    const answer = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(answer.body).equals(original)).toBe(true);
  });

  it('falls back to gzip, and to the plain file', async () => {
    const original = await readFile(path.join(dist, script));
    const gzip = await get(script, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);

    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('has the page revalidated on every load', async () => {
    for (const page of ['/', '/index.html']) {
      const answer = await get(page, { 'accept-encoding': 'br' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(answer.body).toString()).toContain(script);
    }
  });

  it('keeps no-store on missing files and on authenticated answers', async () => {
    expect((await get('/assets/missing-0000.js')).headers['cache-control']).toBe('no-store');
    const token = await server.token('worker-rm');
    const me = await get('/api/me/access-log', { authorization: `Bearer ${token}` });
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
  });
});
