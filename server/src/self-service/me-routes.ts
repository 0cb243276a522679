import {
  AccessLogEntrySchema,
  type ChatMessage,
  ClaimSummarySchema,
  ConversationIdSchema,
  LIMITS,
  VISITOR_ROLES,
} from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessLogOf } from '../audit/access-log.ts';
import { requireRole } from '../auth/http-auth.ts';
import { createCompanyAccess } from '../claims/company-access.ts';
import { createCompanyClaims } from '../claims/company-claims.ts';
import { AppError } from '../errors/app-error.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import type { Identity } from '../people/identity.ts';
import { snapshotOf } from '../people/visitor.ts';
import { visitorKeyOf } from '../people/visitor-key.ts';
import { transcriptText } from './transcript.ts';

const ClaimsQuerySchema = z
  .object({
    companyCf: z
      .string()
      .regex(/^\d{11}$/)
      .optional(),
  })
  .strict();

/**
 * The same self-service as the widget's, over REST for the portal's pages: your claims (or a
 * company's you may see), your conversations' transcripts, and who read your data. Identity from the bearer token only.
 */
export async function meRoutes(app: FastifyInstance) {
  const companies = createCompanyClaims(
    createCompanyAccess(app.claims, app.audit),
    app.claimsReader,
    app.rollout,
  );
  app.addHook('onRequest', requireRole(app.verifyToken, VISITOR_ROLES));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-service'];
  const me = (identity: Identity | undefined) => {
    if (!identity) throw new AppError('AUTH_TOKEN_MISSING');
    return identity;
  };

  routes.get(
    '/api/me/claims',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'Your claims, or those of a company you may see (owner, representative, delegated intermediary)',
        querystring: ClaimsQuerySchema,
        response: {
          200: z.object({ claims: z.array(ClaimSummarySchema), asOf: z.iso.datetime({ offset: true }) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const identity = me(request.identity);
      if (!(await app.admissionFor(identity)).admitted) throw new AppError('NOT_YET_AVAILABLE');
      const asOf = new Date().toISOString();
      if (request.query.companyCf) return companies.claimsOf(identity, request.query.companyCf);
      return { claims: await app.claimsReader.visibleTo(snapshotOf(identity)), asOf };
    },
  );

  routes.get(
    '/api/me/conversations/:conversationId/transcript',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'One of your conversations as plain text to keep, open or closed (until its retention ends)',
        params: z.object({ conversationId: ConversationIdSchema }).strict(),
        response: { 200: z.string(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const identity = me(request.identity);
      const { conversationId } = request.params;
      const who = { kind: 'visitor' as const, visitorKey: visitorKeyOf(identity.sub), name: identity.name };
      const messages: ChatMessage[] = [];
      for (let more = true; more; ) {
        const page = await app.chat.history(
          who,
          conversationId,
          messages.at(-1)?.seq ?? 0,
          LIMITS.historyPageMax,
        );
        messages.push(...page.messages);
        more = page.hasMore;
      }
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="infocig-${conversationId}.txt"`)
        .send(transcriptText(conversationId, messages));
    },
  );

  routes.get(
    '/api/me/access-log',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Who read your data, when, why, and whether it was allowed',
        response: { 200: z.object({ entries: z.array(AccessLogEntrySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ entries: await accessLogOf(app.audit, me(request.identity).sub) }),
  );
}
