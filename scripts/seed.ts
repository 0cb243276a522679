import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDb, type SeedReport, StoreNotEmptyError, seedDemoData } from '@infocig/server/store';
import { fromRoot } from './lib/repo.ts';

const USAGE = `Fills the claims store with synthetic demo data (the demo personas' included).

  pnpm seed --workers 5000 [--seed 42] [--today 2026-11-22] [--schema name] [--dry-run]

--dry-run checks the options and says what would be seeded where, touching nothing.

Store: PostgreSQL at DATABASE_URL (in --schema, if given), else PGlite in INFOCIG_DATA_DIR/pglite
(default .data/pglite in the repository). The store must be empty.`;

function options() {
  // `pnpm seed -- --workers 10` (the older way to write it) passes the `--` on; parseArgs would take everything after it as positional.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      workers: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      schema: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const workers = Number(values.workers);
  const seed = Number(values.seed);
  const today = values.today ? new Date(`${values.today}T12:00:00Z`) : undefined;
  if (!Number.isInteger(workers) || workers < 0)
    throw new Error(`--workers must be a whole number: ${values.workers}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number: ${values.seed}`);
  if (today && Number.isNaN(today.getTime())) throw new Error(`--today must be YYYY-MM-DD: ${values.today}`);
  return { workers, seed, today, schema: values.schema, dryRun: values['dry-run'] };
}

function printReport(report: SeedReport, store: string): void {
  const lines = [
    `Seeded ${store} in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed}, today ${report.today}).`,
    '',
    'Rows written:',
    ...Object.entries(report.rows).map(
      ([table, count]) => `  ${table.padEnd(28)} ${count.toLocaleString('en')}`,
    ),
    '',
    'Applications by status:',
    ...Object.entries(report.applicationsByStatus).map(
      ([s, n]) => `  ${s.padEnd(28)} ${n.toLocaleString('en')}`,
    ),
    '',
    'Payment requests by status:',
    ...Object.entries(report.paymentsByStatus).map(([s, n]) => `  ${s.padEnd(28)} ${n.toLocaleString('en')}`),
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const { workers, seed, today, schema, dryRun } = options();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = path.join(
    process.env.INFOCIG_DATA_DIR ? path.resolve(process.env.INFOCIG_DATA_DIR) : fromRoot('.data'),
    'pglite',
  );
  const store = databaseUrl ? `PostgreSQL${schema ? ` (schema ${schema})` : ''}` : `PGlite at ${dataDir}`;
  if (dryRun) {
    console.log(`Would seed ${store} with ${workers.toLocaleString('en')} workers (seed ${seed}).`);
    return;
  }
  const db = await openDb(databaseUrl ? { databaseUrl, schema } : { dataDir });
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
    console.log(`Seeding ${store} with ${workers.toLocaleString('en')} workers...`);
    printReport(await seedDemoData(db, { workers, seed, today }), store);
  } catch (error) {
    if (!(error instanceof StoreNotEmptyError)) throw error;
    console.error(`${store} already has data: seed an empty one (another INFOCIG_DATA_DIR, or --schema).`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

await main();
