import fp from 'fastify-plugin';
import { type ClaimsStore, createClaimsStore, type Db, openMigratedStore } from './index.ts';
import { observeFailures, type StoreOperation } from './observed-db.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The raw claims store: read claims through `app.claimsReader`, which applies the rules. */
    claims: ClaimsStore;
    /** Registers a listener told of each failed store statement or transaction (metrics). */
    onStoreFailure(listener: (operation: StoreOperation) => void): void;
    /** The migrations this start applied (the audit vouches for rows before its keying one). */
    storeMigrationsApplied: readonly string[];
  }
}

/** The claims store: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export const storePlugin = fp(
  async (app) => {
    const { config } = app;
    const failureListeners: ((operation: StoreOperation) => void)[] = [];
    const opened = await openMigratedStore(config.store);
    const db = observeFailures(opened.db, (operation) => {
      for (const listener of failureListeners) listener(operation);
    });
    app.decorate('onStoreFailure', (listener: (operation: StoreOperation) => void) => {
      failureListeners.push(listener);
    });
    app.addHook('onClose', async () => {
      await db.close();
    });
    const { applied } = opened;
    if (applied.length > 0) app.log.info({ applied }, 'store migrations applied');
    app.decorate('storeMigrationsApplied', applied);
    app.decorate('db', db);
    app.decorate('claims', createClaimsStore(db));
  },
  { name: 'store' },
);
