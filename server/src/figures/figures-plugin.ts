import fp from 'fastify-plugin';
import { createInteractions, type Interactions } from './interactions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Who used the service and what came of it, for the published figures. */
    interactions: Interactions;
  }
}

/** The published figures' raw material: each visit and chat, counted as it happens. */
export const figuresPlugin = fp(
  async (app) => {
    const interactions = createInteractions(app.db);
    const { chat } = app;
    chat.onQueued((record) => interactions.chatOpened(record));
    chat.onAssigned((record, at) => interactions.assigned(record, (at - record.openedAt) / 1000));
    // The case outcome the advisor chose at close, beside the visit's own outcome.
    chat.onClosed(async ({ conversationId, outcome }) => {
      if (outcome) await interactions.caseOutcome(conversationId, outcome);
    });
    chat.onFirstResponse((conversationId, at, openedAt) =>
      interactions.firstResponse(conversationId, (at - openedAt) / 1000),
    );
    app.decorate('interactions', interactions);
  },
  { name: 'figures', dependencies: ['store', 'chat'] },
);
