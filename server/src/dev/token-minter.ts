import { importPKCS8, SignJWT } from 'jose';
import type { IdentityClaims } from '../people/identity.ts';

export interface MintOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds?: number;
}

export type MintToken = (claims: IdentityClaims, ttlSeconds?: number) => Promise<string>;

/** Signs identity tokens the way the portal does. Development and tests only. */
export async function createTokenMinter(privateKeyPem: string, options: MintOptions): Promise<MintToken> {
  const key = await importPKCS8(privateKeyPem, 'ES256');
  return (claims, ttlSeconds = options.ttlSeconds ?? 3600) => {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(key);
  };
}
