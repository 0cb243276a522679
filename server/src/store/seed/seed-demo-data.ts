import { performance } from 'node:perf_hooks';
import type { ApplicationStatus, PaymentStatus } from '@infocig/shared';
import { createClaimsStore } from '../claims-store.ts';
import type { Db } from '../db.ts';
import { dayOf, isoDate } from './calendar.ts';
import { drawCompanySize, generateCompany } from './company-generator.ts';
import { createSeedContext } from './context.ts';
import { writeDemoPersonas } from './demo-personas.ts';
import { INPS_OFFICES } from './geography.ts';
import { writeInteractionHistory } from './interaction-history.ts';
import { writeIntermediaries } from './intermediaries.ts';
import { writeRandomApplications } from './random-applications.ts';

export interface SeedOptions {
  /** Workers of randomly generated companies, on top of the demo personas' companies. */
  workers: number;
  /** Same seed and same `today`, same data. Default 1. */
  seed?: number;
  /** The day the data describes: statuses are those reached by then. Default: now. */
  today?: Date;
}

export interface SeedReport {
  seed: number;
  today: string;
  /** Rows written, by table. */
  rows: Record<string, number>;
  applicationsByStatus: Partial<Record<ApplicationStatus, number>>;
  paymentsByStatus: Partial<Record<PaymentStatus, number>>;
  durationMs: number;
}

export class StoreNotEmptyError extends Error {
  override name = 'StoreNotEmptyError';
}

/** Every table the seed writes. */
export const SEEDED_TABLES = [
  'inps_offices',
  'companies',
  'company_positions',
  'workers',
  'applications',
  'application_workers',
  'application_status_history',
  'payment_requests',
  'payment_status_history',
  'intermediaries',
  'delegations',
  'interactions',
  'follow_up_counts',
];

/** Keeps two processes seeding the same schema from both finding it empty. */
async function lockSeeding(tx: Db): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('infocig.seed:' || current_schema()))`);
}

async function countByStatus<S extends string>(db: Db, table: string): Promise<Partial<Record<S, number>>> {
  const rows = await db.query<{ status: S; count: number }>(
    `SELECT status, count(*) AS count FROM ${table} GROUP BY status ORDER BY status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<S, number>>;
}

/**
 * Fills an empty store with synthetic but realistic data, the demo personas' included, and a year
 * of the service's use before `today` for the published figures, in one transaction with bulk
 * inserts. Throws StoreNotEmptyError if the store already has data.
 */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const today = dayOf(options.today ?? new Date());

  const rows = await db.transaction(async (tx) => {
    await lockSeeding(tx);
    if (!(await createClaimsStore(tx).isEmpty()))
      throw new StoreNotEmptyError('the claims store already has data');
    const ctx = createSeedContext(tx, seed, today);
    for (const office of INPS_OFFICES) ctx.writer.offices.add(office);
    writeDemoPersonas(ctx);
    // No one company takes more than a tenth of a small seed's workers, so even those vary.
    const largest = Math.max(10, Math.ceil(options.workers / 10));
    for (let remaining = options.workers; remaining > 0; ) {
      const company = generateCompany(ctx, { size: drawCompanySize(ctx, Math.min(remaining, largest)) });
      remaining -= company.size;
      for (const position of company.positions) writeRandomApplications(ctx, company, position);
      await ctx.writer.flushIfFull();
    }
    writeIntermediaries(ctx);
    // A year of the service's use before today, so that the published figures have a history.
    writeInteractionHistory(ctx.writer, seed, today);
    await ctx.writer.flush();
    // Ids were given here; later inserts that let the database number them must start above.
    await tx.query(`SELECT setval(pg_get_serial_sequence('payment_requests', 'id'), $1)`, [
      Math.max(1, ctx.nextPaymentId - 1),
    ]);
    return ctx.writer.counts();
  });
  // Fresh statistics, so the planner uses the indexes on the first queries.
  await db.exec(`ANALYZE ${SEEDED_TABLES.join(', ')}`);

  return {
    seed,
    today: isoDate(today),
    rows,
    applicationsByStatus: await countByStatus<ApplicationStatus>(db, 'applications'),
    paymentsByStatus: await countByStatus<PaymentStatus>(db, 'payment_requests'),
    durationMs: Math.round(performance.now() - started),
  };
}

/** Seeds only an empty store (for `pnpm start`); null when there was data already. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedReport | null> {
  if (!(await createClaimsStore(db).isEmpty())) return null;
  try {
    return await seedDemoData(db, options);
  } catch (error) {
    if (error instanceof StoreNotEmptyError) return null;
    throw error;
  }
}
