import fp from 'fastify-plugin';
import { createArchiveStore } from '../chat/archive-store.ts';
import { purgeExpired } from './retention.ts';

const RETENTION_PURGE_MS = 6 * 3_600_000;

/** Personal data deleted once past its retention period, every six hours, in one process. */
export const privacyPlugin = fp(
  async (app) => {
    const { config } = app;
    const archive = createArchiveStore(app.db);
    app.jobs.handle('retention-purge', async () => {
      await purgeExpired(
        app.db,
        app.audit,
        archive,
        {
          auditMs: config.auditRetentionDays * 86_400_000,
          transcriptMs: config.transcriptRetentionSeconds * 1000,
        },
        app.log,
      );
    });
    app.jobs.every('retention-purge', RETENTION_PURGE_MS);
  },
  { name: 'privacy', dependencies: ['store', 'audit', 'jobs'] },
);
