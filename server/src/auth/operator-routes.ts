import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_PERSONAS, type PersonaId } from '../dev/personas.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/responses.ts';
import { loginPage } from './operator-login-page.ts';
import { clearOperatorCookie, isCrossSite, OPERATOR_NEXT, setOperatorCookie } from './operator-session.ts';

export const NextSchema = z.string().regex(OPERATOR_NEXT).default('/ops/jobs/');

const SessionRequestSchema = z.object({ token: z.string().min(1).max(8192), next: NextSchema });

const parseForm = (body: string) => Object.fromEntries(new URLSearchParams(body));

/** Cookies for the operator pages (the API description, the job board): the login exchange. */
export const operatorCookies = fp(
  async (app) => {
    await app.register(cookie);
  },
  { name: 'operator-cookies' },
);

/**
 * The login for the operator pages: a form where a supervisor pastes their portal token (the
 * portal's own staff login would post here), exchanged for the operator cookie.
 */
export async function operatorRoutes(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, parseForm(String(body))),
  );
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['operator pages'];
  const secure = app.config.env === 'production';
  const mint = app.mintToken;
  const demoSupervisors = Object.entries(DEMO_PERSONAS)
    .filter(([, p]) => p.role === 'supervisor')
    .map(([id, p]) => ({ id, name: p.name }));

  routes.get(
    '/ops/login',
    { schema: { hide: true, querystring: z.object({ next: NextSchema.catch('/ops/jobs/') }) } },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(loginPage(request.query.next, mint ? demoSupervisors : [])),
  );

  routes.post(
    '/ops/session',
    {
      schema: {
        tags,
        summary: "Exchange a supervisor's portal token for the operator cookie, then go to `next`",
        description:
          'Form fields (application/x-www-form-urlencoded or JSON): `token`, `next` (/docs or /ops/jobs…). ' +
          'Sets an HttpOnly, SameSite=Strict cookie on /docs and /ops that expires with the token.',
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: SessionRequestSchema,
        response: { 303: z.null().describe('Redirect to next'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      if (isCrossSite(request)) throw new AppError('AUTH_ROLE_FORBIDDEN', 'Sign in from this site.');
      const identity = await app.verifyToken(request.body.token);
      if (identity.role !== 'supervisor') throw new AppError('AUTH_ROLE_FORBIDDEN');
      setOperatorCookie(reply, request.body.token, identity, secure);
      request.log.info({ supervisor: identity.sub }, 'operator session opened');
      return reply.redirect(request.body.next, 303);
    },
  );

  if (mint) {
    const supervisors = demoSupervisors.map(({ id }) => id as PersonaId);
    routes.post(
      '/dev/ops-session',
      {
        schema: {
          tags: ['development'],
          summary: 'Open an operator session as a demo supervisor (development only)',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: z.object({ persona: z.enum(supervisors as [PersonaId, ...PersonaId[]]), next: NextSchema }),
          response: { 303: z.null().describe('Redirect to next'), ...errorResponses(400, 403) },
        },
      },
      async (request, reply) => {
        if (isCrossSite(request)) throw new AppError('AUTH_ROLE_FORBIDDEN', 'Sign in from this site.');
        const token = await mint(DEMO_PERSONAS[request.body.persona]);
        setOperatorCookie(reply, token, await app.verifyToken(token), secure);
        return reply.redirect(request.body.next, 303);
      },
    );
  }

  routes.post(
    '/ops/logout',
    {
      schema: {
        tags,
        summary: 'Drop the operator cookie',
        response: { 303: z.null().describe('Redirect to the login page') },
      },
    },
    async (_request, reply) => {
      clearOperatorCookie(reply);
      return reply.redirect('/ops/login', 303);
    },
  );
}
