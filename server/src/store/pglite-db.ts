import { mkdir, readFile } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, OpenDbOptions } from './db.ts';
import { VALUE_PARSERS } from './value-parsers.ts';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function pgliteDb(target: Queryable, transaction: Db['transaction'], close: Db['close']): Db {
  return {
    engine: 'pglite',
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    transaction,
    close,
  };
}

/** PGlite in this process: file-backed at `dataDir`, or in memory (empty, or a copy of `image`). */
export async function openPgliteDb({
  dataDir,
  image,
}: Pick<OpenDbOptions, 'dataDir' | 'image'>): Promise<Db> {
  if (dataDir && image) throw new Error('a PGlite image starts an in-memory store: give no data directory');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const loadDataDir = image ? new Blob([await readFile(image)]) : undefined;
  const pglite = await PGlite.create(dataDir, {
    parsers: VALUE_PARSERS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const close = () => pglite.close();
  const db: Db = pgliteDb(
    pglite,
    (fn) =>
      pglite.transaction((tx) => {
        const txDb: Db = pgliteDb(tx, (inner) => inner(txDb), close);
        return fn(txDb);
      }),
    close,
  );
  return db;
}
