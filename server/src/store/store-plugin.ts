import fp from 'fastify-plugin';
import { createPgAccessAudit } from '../audit/pg-access-audit.ts';
import { createClaimsStore, migrate, openDb } from './index.ts';
import { observeFailures, type StoreOperation } from './observed-db.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Registers a listener told of each failed store statement or transaction (metrics). */
    onStoreFailure(listener: (operation: StoreOperation) => void): void;
  }
}

/** The claims store: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export const storePlugin = fp(
  async (app) => {
    const failureListeners: ((operation: StoreOperation) => void)[] = [];
    const db = observeFailures(await openDb(app.config.store), (operation) => {
      for (const listener of failureListeners) listener(operation);
    });
    app.decorate('onStoreFailure', (listener: (operation: StoreOperation) => void) => {
      failureListeners.push(listener);
    });
    const { applied } = await migrate(db);
    if (applied.length > 0) app.log.info({ applied }, 'store migrations applied');
    app.decorate('db', db);
    app.decorate('claims', createClaimsStore(db));
    app.decorate('audit', createPgAccessAudit(db));
    app.addHook('onClose', async () => {
      await db.close();
    });
  },
  { name: 'store' },
);
