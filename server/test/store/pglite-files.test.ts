import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

it('starts an in-memory store as a copy of an image, each copy on its own', async () => {
  const dataDir = path.join(parent, 'image-source');
  const source = await openDb({ dataDir });
  await migrate(source);
  await seedIfEmpty(source, { workers: 5, seed: 4 });
  const claims = await createClaimsStore(source).claimsForWorker(DEMO_PERSONAS['worker-rm'].sub);
  await source.close();
  const image = path.join(parent, 'image.tar');
  const pglite = await PGlite.create(dataDir);
  await writeFile(image, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();

  const [one, two] = await Promise.all([openDb({ image }), openDb({ image })]);
  try {
    expect(await migrate(one)).toEqual({ applied: [] });
    expect(await createClaimsStore(one).claimsForWorker(DEMO_PERSONAS['worker-rm'].sub)).toEqual(claims);
    await one.exec('DELETE FROM application_workers');
    expect(await one.query('SELECT 1 FROM application_workers')).toEqual([]);
    expect((await two.query('SELECT 1 FROM application_workers')).length).toBeGreaterThan(0);
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
  await expect(openDb({ image, dataDir })).rejects.toThrow(/in-memory/);
});
