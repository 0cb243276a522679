import { HandshakeAuthSchema, PROTOCOL_VERSION, type Role } from '@infocig/shared';
import type { ExtendedError, Socket } from 'socket.io';
import type { VerifyToken } from '../auth/token-verifier.ts';
import { AppError, toWireError } from '../errors/app-error.ts';
import { hasRole, type IdentityOf } from '../people/identity.ts';

/**
 * Admits a socket only with a verified token for one of the namespace's roles and the current
 * protocol version. A refused socket gets a connect_error whose message is the error code and
 * whose data is the wire error, and leaves nothing behind.
 */
export function requireIdentity<R extends Role>(verify: VerifyToken, roles: readonly R[]) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      socket.data.identity = await admit(verify, roles, socket.handshake.auth);
      // The token has done its work: the socket keeps the identity, not the bearer credential.
      socket.handshake.auth = {};
      next();
    } catch (error) {
      const wire = toWireError(error);
      const refusal: ExtendedError = new Error(wire.code);
      refusal.data = wire;
      next(refusal);
    }
  };
}

async function admit<R extends Role>(
  verify: VerifyToken,
  roles: readonly R[],
  auth: unknown,
): Promise<IdentityOf<R>> {
  const parsed = HandshakeAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const hasToken = typeof auth === 'object' && auth !== null && 'token' in auth;
    throw new AppError(hasToken ? 'VALIDATION_FAILED' : 'AUTH_TOKEN_MISSING');
  }
  if (parsed.data.protocolVersion !== PROTOCOL_VERSION) {
    throw new AppError(
      'PROTOCOL_VERSION_UNSUPPORTED',
      `This server speaks protocol version ${PROTOCOL_VERSION}.`,
    );
  }
  const identity = await verify(parsed.data.token);
  // The verifier's clock tolerance aside: a session never starts past its token's end.
  if (identity.expiresAt * 1000 <= Date.now()) throw new AppError('AUTH_TOKEN_EXPIRED');
  if (!hasRole(identity, roles)) throw new AppError('AUTH_ROLE_FORBIDDEN');
  return identity;
}
