import fp from 'fastify-plugin';
import { auditKeyFrom, loadOrCreateDevAuditKey } from './audit-key.ts';
import { auditRewritableByServer } from './audit-protection.ts';
import { openAccessAudit } from './open-access-audit.ts';
import type { PgAccessAudit } from './pg-access-audit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    audit: PgAccessAudit;
  }
}

/** The access audit, in the claims store, keyed with the configured (or development) audit key. */
export const auditPlugin = fp(
  async (app) => {
    const { config, db } = app;
    const key = config.auditHmacKey
      ? auditKeyFrom(config.auditHmacKey)
      : await loadOrCreateDevAuditKey(config.dataDir);
    app.decorate('audit', await openAccessAudit(db, key, app.storeMigrationsApplied));
    if (db.engine === 'postgres' && (await auditRewritableByServer(db))) {
      app.log.warn(
        'the access audit is not protected from this server: its database role is a superuser or owns the audit; connect as an ordinary role and migrate through DATABASE_ADMIN_URL',
      );
    }
  },
  { name: 'audit', dependencies: ['store'] },
);
