import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { createClaimsStore, migrate, openDb, seedIfEmpty } from '../../src/store/index.ts';

const parent = await mkdtemp(path.join(tmpdir(), 'infocig-store-'));
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

it('keeps PGlite data in its folder, creating it, and seeds it only the first time', async () => {
  const dataDir = path.join(parent, 'nested', 'pglite');
  const options = { workers: 20, seed: 3, today: new Date('2026-11-22T10:00:00Z') };

  const first = await openDb({ dataDir });
  await migrate(first);
  const report = await seedIfEmpty(first, options);
  expect(report?.rows.workers).toBeGreaterThanOrEqual(20);
  const claims = await createClaimsStore(first).claimsForWorker(DEMO_PERSONAS['worker-rm'].sub);
  await first.close();

  const again = await openDb({ dataDir });
  try {
    expect(await migrate(again)).toEqual({ applied: [] });
    expect(await seedIfEmpty(again, options)).toBeNull();
    expect(await createClaimsStore(again).claimsForWorker(DEMO_PERSONAS['worker-rm'].sub)).toEqual(claims);
  } finally {
    await again.close();
  }
});
