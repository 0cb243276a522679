import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { AppError } from '../errors/app-error.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import { hasRight, RIGHTS } from '../people/identity.ts';

const VerifySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), checkedAt: z.iso.datetime() }),
  z.object({
    ok: z.literal(false),
    brokenAt: z.number().int(),
    reason: z.string(),
    checkedAt: z.iso.datetime(),
  }),
]);

const AccessSchema = z.object({
  at: z.iso.datetime(),
  actorName: z.string(),
  actorRole: z.string(),
  what: z.string(),
  purpose: z.string(),
  outcome: z.string(),
});

/** A codice fiscale (16) or a company's (11 digits): what the access log is kept by. */
const SubjectSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z0-9]{16}|\d{11})$/, 'a codice fiscale (16 characters) or a company number (11 digits)');

/** The access audit for supervisors: the chain check, and the privacy officer's search by person. */
export async function auditRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  routes.post(
    '/api/supervisor/audit/verify',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Check the whole access-audit chain against its signed witnesses',
        response: { 200: VerifySchema, ...errorResponses(401, 403, 503) },
      },
    },
    async (request) => {
      const result = await app.audit.verify();
      request.log.info({ supervisor: request.identity?.sub, ok: result.ok }, 'access audit verified');
      return { ...result, checkedAt: new Date().toISOString() };
    },
  );

  routes.get(
    '/api/supervisor/audit/accesses',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          "Who read a person's (or a company's) data, and when, newest first: for the privacy officer (right privacy:officer); the search itself is logged",
        querystring: z.object({ subject: SubjectSchema }).strict(),
        response: {
          200: z.object({ subject: z.string(), accesses: z.array(AccessSchema) }),
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    async (request) => {
      const identity = request.identity;
      if (!identity || !hasRight(identity, RIGHTS.privacyOfficer)) throw new AppError('RIGHT_MISSING');
      const { subject } = request.query;
      // Logged before it is answered: a search whose record failed is not answered.
      await app.audit.record({
        actor: identity.sub,
        actorName: identity.name,
        actorRole: identity.role,
        subject,
        what: 'access-log',
        purpose: 'privacy officer search',
      });
      const rows = await app.audit.accessesTo(subject);
      return {
        subject,
        accesses: rows.map((r) => ({
          at: r.at.toISOString(),
          actorName: r.actor_name,
          actorRole: r.actor_role,
          what: r.what,
          purpose: r.purpose,
          outcome: r.outcome,
        })),
      };
    },
  );
}
