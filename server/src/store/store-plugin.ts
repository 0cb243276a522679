import fp from 'fastify-plugin';
import { createPgAccessAudit } from '../audit/pg-access-audit.ts';
import { createClaimsStore, migrate, openDb } from './index.ts';

/** The claims store: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export const storePlugin = fp(
  async (app) => {
    const db = await openDb(app.config.store);
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
