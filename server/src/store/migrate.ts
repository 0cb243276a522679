import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
}

/** The migration files, in the order their numbers give. */
export async function loadMigrations(): Promise<Migration[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(new URL(name, MIGRATIONS_DIR), 'utf8') })),
  );
}

/**
 * Serialises migrators of the same schema until the transaction ends; other schemas (parallel
 * test runs) are not held up. PGlite has a single connection and needs no lock.
 */
async function lockMigrations(tx: Db): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('infocig.migrate:' || current_schema()))`);
}

/**
 * Applies the pending migrations in order, each in its own transaction, and records them in
 * `schema_migrations`. Safe to run again, and from two processes at once: each step re-checks
 * under the lock whether another process has just applied it.
 */
export async function migrate(db: Db, migrations?: readonly Migration[]): Promise<{ applied: string[] }> {
  const all = migrations ?? (await loadMigrations());
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  for (const migration of all) {
    const didApply = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return { applied };
}
