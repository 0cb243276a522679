import { AppError } from '../errors/app-error.ts';
import type { Identity } from '../people/identity.ts';
import type { VerifyToken } from './token-verifier.ts';

/** The claims that say who a session is for and what it may see: a refresh may not change them. */
const sameHolder = (a: Identity, b: Identity) =>
  a.sub === b.sub && a.role === b.role && a.province === b.province && a.company?.cf === b.company?.cf;

/**
 * A session's identity after `auth:refresh`: the new token is checked by the handshake's own
 * verifier, must be for the same person, role, province and company, and must still be valid. Only
 * the deadline moves (never backwards); everything else stays as the session began.
 */
export async function refreshedIdentity(
  verify: VerifyToken,
  current: Identity,
  token: string,
): Promise<Identity> {
  let next: Identity;
  try {
    next = await verify(token);
  } catch (error) {
    // Not AUTH_TOKEN_EXPIRED: that code ends the session, and a refused refresh must not.
    if (error instanceof AppError && error.code === 'AUTH_TOKEN_EXPIRED') throw alreadyExpired();
    throw error;
  }
  if (!sameHolder(current, next)) throw new AppError('AUTH_IDENTITY_MISMATCH');
  // The verifier tolerates a few seconds of clock skew; a renewal must actually extend.
  if (next.expiresAt * 1000 <= Date.now()) throw alreadyExpired();
  return { ...current, expiresAt: Math.max(current.expiresAt, next.expiresAt) };
}

const alreadyExpired = () =>
  new AppError('AUTH_TOKEN_INVALID', 'The new identity token has already expired.');
