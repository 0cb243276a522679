import fp from 'fastify-plugin';
import { auditKeyFrom, loadOrCreateDevAuditKey } from '../audit/audit-key.ts';
import { auditRewritableByServer } from '../audit/audit-protection.ts';
import { openAccessAudit } from '../audit/open-access-audit.ts';
import { createClaimsStore, openMigratedStore } from './index.ts';
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
    const key = config.auditHmacKey
      ? auditKeyFrom(config.auditHmacKey)
      : await loadOrCreateDevAuditKey(config.dataDir);
    const audit = await openAccessAudit(db, key, applied);
    if (db.engine === 'postgres' && (await auditRewritableByServer(db))) {
      app.log.warn(
        'the access audit is not protected from this server: its database role is a superuser or owns the audit; connect as an ordinary role and migrate through DATABASE_ADMIN_URL',
      );
    }
    app.decorate('db', db);
    app.decorate('claims', createClaimsStore(db));
    app.decorate('audit', audit);
  },
  { name: 'store' },
);
