import type { Db } from '../db.ts';
import {
  APPLICATION_HISTORY,
  APPLICATION_WORKERS,
  APPLICATIONS,
  COMPANIES,
  DELEGATIONS,
  FOLLOW_UP_COUNTS,
  INTERACTIONS,
  INTERMEDIARIES,
  OFFICES,
  PAYMENT_HISTORY,
  PAYMENT_REQUESTS,
  POSITIONS,
  type TableSpec,
  WORKERS,
} from './tables.ts';

/** Rows per INSERT: one array parameter per column, so only memory bounds it. */
const ROWS_PER_STATEMENT = 5_000;
/** Buffered rows (all tables) that trigger a flush at the next safe point. */
const FLUSH_THRESHOLD = 20_000;

class TableBuffer<R> {
  private rows: R[] = [];
  written = 0;
  private readonly sql: string;

  constructor(readonly spec: TableSpec<R>) {
    const names = spec.columns.map(([column]) => column).join(', ');
    const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    // unnest() zips the column arrays into rows: any number of rows with one parameter per column.
    this.sql = `INSERT INTO ${spec.name} (${names}) SELECT * FROM unnest(${arrays})${spec.onConflict ? ` ${spec.onConflict}` : ''}`;
  }

  get pending(): number {
    return this.rows.length;
  }

  add(row: R): void {
    this.rows.push(row);
  }

  async flush(db: Db): Promise<void> {
    for (let start = 0; start < this.rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = this.rows.slice(start, start + ROWS_PER_STATEMENT);
      const params = this.spec.columns.map(([, , read]) => chunk.map(read));
      await db.query(this.sql, params);
    }
    this.written += this.rows.length;
    this.rows = [];
  }
}

/**
 * Buffers generated rows and writes them with multi-row INSERTs, parents before children so
 * foreign keys hold at every flush.
 */
export class BatchWriter {
  readonly offices = new TableBuffer(OFFICES);
  readonly companies = new TableBuffer(COMPANIES);
  readonly positions = new TableBuffer(POSITIONS);
  readonly workers = new TableBuffer(WORKERS);
  readonly applications = new TableBuffer(APPLICATIONS);
  readonly applicationWorkers = new TableBuffer(APPLICATION_WORKERS);
  readonly applicationHistory = new TableBuffer(APPLICATION_HISTORY);
  readonly paymentRequests = new TableBuffer(PAYMENT_REQUESTS);
  readonly paymentHistory = new TableBuffer(PAYMENT_HISTORY);
  readonly intermediaries = new TableBuffer(INTERMEDIARIES);
  readonly delegations = new TableBuffer(DELEGATIONS);
  readonly interactions = new TableBuffer(INTERACTIONS);
  readonly followUpCounts = new TableBuffer(FOLLOW_UP_COUNTS);

  private readonly inDependencyOrder = [
    this.offices,
    this.companies,
    this.positions,
    this.workers,
    this.applications,
    this.applicationWorkers,
    this.applicationHistory,
    this.paymentRequests,
    this.paymentHistory,
    this.intermediaries,
    this.delegations,
    this.interactions,
    this.followUpCounts,
  ];

  constructor(private readonly db: Db) {}

  /** Call between whole units of work (a company with everything under it). */
  async flushIfFull(): Promise<void> {
    const pending = this.inDependencyOrder.reduce((sum, table) => sum + table.pending, 0);
    if (pending >= FLUSH_THRESHOLD) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of this.inDependencyOrder) await table.flush(this.db);
  }

  /** Rows written so far, by table name. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.inDependencyOrder.map((table) => [table.spec.name, table.written]));
  }
}
