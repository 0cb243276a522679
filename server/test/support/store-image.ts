import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { openAccessAudit } from '../../src/audit/open-access-audit.ts';
import { openMigratedStore, seedIfEmpty } from '../../src/store/index.ts';
import { TEST_AUDIT_KEY } from './audit-test-key.ts';

/** The run's PGlite images (tarballs of a data directory) that stores start from instead of migrating. */
export interface StoreImages {
  /** Migrated, nothing else: what a store test starts from. */
  migrated: string;
  /** Migrated as a server's first start leaves it (audit head signed with the test key), then seeded. */
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    storeImages?: StoreImages;
  }
}

/** What a test server's store holds at start: the demo personas and this many workers. */
export const IMAGE_SEED = { workers: 20, seed: 7 } as const;

/** The images of this run, when the project's global set-up made them. */
export function storeImages(): StoreImages | undefined {
  return inject('storeImages');
}

async function dump(dataDir: string, file: string): Promise<void> {
  const pglite = await PGlite.create(dataDir);
  try {
    const image = await pglite.dumpDataDir('none');
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** Migrates one PGlite store and writes it out, then seeds it as a first start would and writes it again. */
export async function buildStoreImages(dir: string): Promise<StoreImages> {
  const images = { migrated: path.join(dir, 'migrated.tar'), seeded: path.join(dir, 'seeded.tar') };
  const dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-image-'));
  try {
    const { db, applied } = await openMigratedStore({ dataDir });
    await db.close();
    await dump(dataDir, images.migrated);
    const { db: again } = await openMigratedStore({ dataDir });
    try {
      await openAccessAudit(again, TEST_AUDIT_KEY, applied);
      await seedIfEmpty(again, IMAGE_SEED);
    } finally {
      await again.close();
    }
    await dump(dataDir, images.seeded);
    return images;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Vitest global set-up: the store images made once per run, shared read-only by every file. */
export default async function storeImagesOnce(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'infocig-store-images-'));
  project.provide('storeImages', await buildStoreImages(dir));
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
