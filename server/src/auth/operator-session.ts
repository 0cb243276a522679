import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { hasRight, type Identity, type Right } from '../people/identity.ts';
import type { VerifyToken } from './token-verifier.ts';

/**
 * Browser pages for supervisors (the API description, the job board) cannot send an
 * `Authorization` header, so a supervisor exchanges their portal token once (POST /ops/session)
 * for this cookie: the same signed token, HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Secure in production, scoped to those pages' paths and expiring with the
 * token. Every request still verifies the token itself, so the cookie grants nothing the token
 * does not.
 */
export const OPERATOR_COOKIE = 'infocig_ops';
export const OPERATOR_COOKIE_PATHS = ['/docs', '/ops'] as const;

/** Where the login may send a supervisor back to: the operator pages only, never another site. */
export const OPERATOR_NEXT = /^\/(docs|ops\/jobs(-admin)?)(\/[\w\-./?=&%]*)?$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireOperator: the verified supervisor. */
    operator?: Identity;
  }
}

export function setOperatorCookie(reply: FastifyReply, token: string, identity: Identity, secure: boolean) {
  const maxAge = Math.max(0, identity.expiresAt - Math.floor(Date.now() / 1000));
  for (const path of OPERATOR_COOKIE_PATHS) {
    reply.setCookie(OPERATOR_COOKIE, token, { path, httpOnly: true, sameSite: 'strict', secure, maxAge });
  }
}

export function clearOperatorCookie(reply: FastifyReply) {
  for (const path of OPERATOR_COOKIE_PATHS) reply.clearCookie(OPERATOR_COOKIE, { path });
}

/**
 * A browser page from another origin must not act with the cookie. Browsers say where a request
 * comes from in Sec-Fetch-Site; Origin is the fallback, and it is "null" on our own form posts
 * because of the no-referrer policy, so it only decides when Sec-Fetch-Site is absent. Requests
 * with neither come from scripts (curl), which a cookie does not reach uninvited.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export interface OperatorOptions {
  /** A right the supervisor must hold besides the role. */
  right?: Right;
  /** Send a browser asking for a page without a (valid) session to the login page. */
  loginRedirect?: boolean;
}

/**
 * An onRequest hook admitting supervisors by bearer token (scripts, curl) or by the operator
 * cookie (browsers). Changes made with the cookie must come from this origin.
 */
export function requireOperator(verify: VerifyToken, options: OperatorOptions = {}) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    const cookie = bearer ? '' : (request.cookies[OPERATOR_COOKIE] ?? '');
    const wantsPage =
      options.loginRedirect === true &&
      request.method === 'GET' &&
      /text\/html/.test(request.headers.accept ?? '');
    const toLogin = () => reply.redirect(`/ops/login?next=${encodeURIComponent(request.url)}`, 303);
    if (!bearer && !cookie) {
      if (wantsPage) return toLogin();
      throw new AppError('AUTH_TOKEN_MISSING');
    }
    let identity: Identity;
    try {
      identity = await verify(bearer || cookie);
    } catch (error) {
      if (wantsPage && cookie) return toLogin();
      throw error;
    }
    if (identity.role !== 'supervisor') throw new AppError('AUTH_ROLE_FORBIDDEN');
    if (options.right && !hasRight(identity, options.right)) {
      throw new AppError('AUTH_ROLE_FORBIDDEN', `This needs the ${options.right} right.`);
    }
    if (cookie && !['GET', 'HEAD'].includes(request.method) && isCrossSite(request)) {
      throw new AppError('AUTH_ROLE_FORBIDDEN', 'Changes must come from this site.');
    }
    request.operator = identity;
  };
}
