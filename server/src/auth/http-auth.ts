import type { Role } from '@infocig/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { Identity } from '../people/identity.ts';
import type { VerifyToken } from './token-verifier.ts';

declare module 'fastify' {
  interface FastifyRequest {
    identity?: Identity;
  }
}

/** A preHandler admitting only a verified `Authorization: Bearer` token of one of the roles. */
export function requireRole(verify: VerifyToken, roles: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!token) throw new AppError('AUTH_TOKEN_MISSING');
    const identity = await verify(token);
    if (!roles.includes(identity.role)) throw new AppError('AUTH_ROLE_FORBIDDEN');
    request.identity = identity;
  };
}
