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
    app.decorate('claimsReader', createClaimsReader(app.claims, createPaymentTiming(app.db)));
  },
  { name: 'claims', dependencies: ['store'] },
);
