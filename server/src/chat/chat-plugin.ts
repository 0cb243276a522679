import fp from 'fastify-plugin';
import { createArchiveStore } from './archive-store.ts';
import { createArchiver } from './archiver.ts';
import { type ChatService, createChatService } from './chat-service.ts';
import { createConversationRepository } from './conversation-repository.ts';
import { createInactivityWatch } from './inactivity.ts';
import { createUnannounced } from './unannounced.ts';

declare module 'fastify' {
  interface FastifyInstance {
    chat: ChatService;
  }
}

const followUpOfferJobId = (conversationId: string) => `followup-offer-${conversationId}`;

const SWEEP_MS = 5_000;
/** An announcement not finished this long after its hand-out is made again by the sweep. */
const ANNOUNCEMENT_OVERDUE_MS = 5_000;
/** A closed chat still in Redis this long after closing (the store was down) is moved by the sweep. */
const ARCHIVE_OVERDUE_MS = 5_000;

/**
 * Conversations and their hand-out to advisors: queues, announcements, the timers of a chat
 * (inactivity, the follow-up offer) and the archive once closed. Presence, figures, follow-ups and
 * the retention purge are capabilities of their own that listen.
 */
export const chatPlugin = fp(
  async (app) => {
    const { redis, keys, config } = app;
    const conversations = createConversationRepository(redis, keys);
    const archive = createArchiveStore(app.db);
    const archiver = createArchiver(conversations, archive, app.log);
    const { pool } = app;
    const chat = createChatService({
      serviceHours: config.serviceHours,
      conversations,
      archive,
      pool,
      queues: app.queues,
      claims: app.claimsReader,
      audit: app.audit,
      notifier: app.notifier,
      unannounced: createUnannounced(redis, keys),
      log: app.log,
    });
    const timers = app.jobs;
    const inactivity = createInactivityWatch(
      conversations,
      timers,
      config.inactivity,
      { notice: chat.notice, close: (id) => chat.closeAsSystem(id, 'inactive') },
      app.log,
    );
    // Each chat's timers have fixed ids, so the ones that no longer apply are removed, not left idle.
    chat.onQueued(async (record) => {
      const jobId = followUpOfferJobId(record.id);
      await timers.schedule(
        'followup-offer',
        { conversationId: record.id },
        config.followUpOfferAfterMs,
        jobId,
      );
      // Assigned or closed while this was scheduled: the removal may have come first.
      if ((await conversations.get(record.id))?.status !== 'queued') await timers.cancel(jobId);
    });
    chat.onAssigned(
      async (record, at) => {
        await Promise.all([timers.cancel(followUpOfferJobId(record.id)), inactivity.watch(record.id, at)]);
      },
      { required: true },
    );
    chat.onClosed(async ({ conversationId }) => {
      await Promise.all([
        timers.cancel(followUpOfferJobId(conversationId)),
        inactivity.unwatch(conversationId),
      ]);
    });
    chat.onClosed(({ conversationId }) => archiver.archive(conversationId));
    const offerFollowUp = async ({ conversationId }: { conversationId: string }) => {
      const record = await conversations.get(conversationId);
      if (record?.status !== 'queued') return;
      await conversations.markFollowUpOffered(conversationId);
      app.notifier.toVisitor(record.visitorKey, 'queue:followup-offered', { conversationId });
    };
    timers.handle('announcement-sweep', async () => {
      await chat.announceOverdue(ANNOUNCEMENT_OVERDUE_MS);
    });
    timers.handle('archive-sweep', async () => {
      await archiver.archiveOverdue(ARCHIVE_OVERDUE_MS);
    });
    timers.handle('inactivity-check', inactivity.check);
    timers.handle('followup-offer', offerFollowUp);
    timers.every('announcement-sweep', SWEEP_MS);
    timers.every('archive-sweep', SWEEP_MS);
    app.decorate('chat', chat);
    // After realtime's pre-close has closed the sockets: hand-outs in flight finish first.
    app.addHook('preClose', async () => {
      await chat.stop();
    });
  },
  { name: 'chat', dependencies: ['redis', 'store', 'audit', 'realtime', 'jobs', 'claims', 'routing'] },
);
