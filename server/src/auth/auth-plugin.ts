import fp from 'fastify-plugin';
import { loadOrCreateDevKeys } from '../dev/dev-keys.ts';
import { createTokenMinter, type MintToken } from '../dev/token-minter.ts';
import { createTokenVerifier, type VerifyToken } from './token-verifier.ts';

declare module 'fastify' {
  interface FastifyInstance {
    verifyToken: VerifyToken;
    /** Present only when development tools are on. */
    mintToken?: MintToken;
  }
}

/**
 * Identity verification. Without a configured portal key (development only; config refuses this
 * in production) a local key pair stands in for the portal and tokens can be minted.
 */
export const authPlugin = fp(
  async (app) => {
    const { auth, devTools, dataDir } = app.config;
    const configured = Boolean(auth.publicKeyPem || auth.jwksUrl);
    const devKeys = devTools || !configured ? await loadOrCreateDevKeys(dataDir) : undefined;
    const publicKeyPem = configured ? auth.publicKeyPem : devKeys?.publicKeyPem;
    app.decorate('verifyToken', await createTokenVerifier({ ...auth, publicKeyPem }));
    if (devTools && devKeys && !configured) {
      app.decorate('mintToken', await createTokenMinter(devKeys.privateKeyPem, auth));
    }
  },
  { name: 'auth', dependencies: [] },
);
