import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import { StartError } from '../../src/errors/start-error.ts';
import { serve } from '../../src/serve/serve.ts';
import { startFailureLine } from '../../src/serve/start-failure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('serve', () => {
  it('ends a shutdown that hangs after the forced-exit time, with exit code 1', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures', 'hanging-close.ts')],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('serving http://') && resolve());
      void exited.then((code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(out).toContain('shutting down');
    expect(out).toContain('shutdown did not finish in time');
  }, 30_000);

  it('turns a taken port into a StartError that says what to do', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const app = Fastify();
    app.decorate('config', { host: '127.0.0.1', port } as Config);
    try {
      const error = await serve(app).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartError);
      expect(startFailureLine(error)).toBe(
        `Port ${port} on 127.0.0.1 is already in use: stop whatever holds it, or choose another port (PORT=3100).`,
      );
      expect(process.listenerCount('SIGTERM')).toBe(0);
    } finally {
      await app.close();
      holder.close();
    }
  });
});
