import type { Db, QueryOptions } from './db.ts';

export type StoreOperation = 'query' | 'exec' | 'transaction';

/**
 * The same store, telling `onFailure` of every statement or transaction that fails (for the error
 * counters), then failing as before. Statements inside a transaction count once, as the transaction.
 */
export function observeFailures(db: Db, onFailure: (operation: StoreOperation) => void): Db {
  const failed =
    (operation: StoreOperation) =>
    (error: unknown): never => {
      onFailure(operation);
      throw error;
    };
  return {
    engine: db.engine,
    query: <T extends object>(sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      db.query<T>(sql, params, options).catch(failed('query')),
    exec: (sql) => db.exec(sql).catch(failed('exec')),
    transaction: (fn) => db.transaction(fn).catch(failed('transaction')),
    close: () => db.close(),
  };
}
