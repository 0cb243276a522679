import fp from 'fastify-plugin';
import { createPaymentTiming } from '../timing/payment-timing.ts';
import { type ClaimsReader, createClaimsReader } from './claims-reader.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Claims as people may see them, each with its payment window: the policy over `app.claims`. */
    claimsReader: ClaimsReader;
  }
}

/** Claims with their payment timing, read from the claims store. */
export const claimsPlugin = fp(
  async (app) => {
    const timing = createPaymentTiming(app.db);
    app.decorate('claimsReader', createClaimsReader(app.claims, timing));
    // In the background: readiness does not wait for it, and a store that is down heals by itself.
    app.addHook('onReady', async () => {
      timing.warm().catch((err: unknown) => app.log.warn({ err }, 'payment timing not read at start'));
    });
  },
  { name: 'claims', dependencies: ['store'] },
);
