import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  type JWTVerifyGetKey,
  jwtVerify,
  type KeyObject,
} from 'jose';
import { AppError } from '../errors/app-error.ts';
import { type Identity, IdentityClaimsSchema } from '../people/identity.ts';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** The portal's public key (PEM, SPKI) — or a JWKS URL the portal publishes. */
  publicKeyPem?: string;
  jwksUrl?: string;
}

export type VerifyToken = (token: string) => Promise<Identity>;

/**
 * Verifies the portal's signed identity. Only ES256 is accepted, so `alg: none` and algorithm
 * confusion (an HMAC token keyed with the public key) fail before any claim is read.
 */
export async function createTokenVerifier(options: TokenVerifierOptions): Promise<VerifyToken> {
  const key = await resolveKey(options);
  return async (token) => {
    let payload: unknown;
    try {
      const verified = await jwtVerify(token, key as KeyObject, {
        algorithms: ['ES256'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
      });
      payload = verified.payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AppError('AUTH_TOKEN_EXPIRED');
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    const claims = IdentityClaimsSchema.safeParse(payload);
    if (!claims.success)
      throw new AppError('AUTH_TOKEN_INVALID', 'The identity token lacks required claims.');
    const exp = (payload as { exp: number }).exp;
    return { ...claims.data, expiresAt: exp };
  };
}

async function resolveKey(options: TokenVerifierOptions): Promise<KeyObject | JWTVerifyGetKey> {
  if (options.publicKeyPem) return (await importSPKI(options.publicKeyPem, 'ES256')) as KeyObject;
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  throw new Error('No key to verify identity tokens: set AUTH_PUBLIC_KEY or AUTH_JWKS_URL.');
}
