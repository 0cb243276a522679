import { VISITOR_ROLES } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accessLogOf } from '../audit/access-log.ts';
import { requireRole } from '../auth/http-auth.ts';
import type { Identity } from '../auth/identity.ts';
import { snapshotOf } from '../chat/chat-service.ts';
import { createCompanyAccess } from '../claims/company-access.ts';
import { AppError, validationError } from '../errors/app-error.ts';

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
 * company's you may see) and who read your data. Identity from the bearer token only.
 */
export async function meRoutes(app: FastifyInstance) {
  const companies = createCompanyAccess(app.claims, app.audit);
  app.addHook('preHandler', requireRole(app.verifyToken, VISITOR_ROLES));
  const me = (identity: Identity | undefined) => {
    if (!identity) throw new AppError('AUTH_TOKEN_MISSING');
    return identity;
  };

  app.get('/api/me/claims', async (request) => {
    const identity = me(request.identity);
    if (!(await app.admissionFor(identity)).admitted) throw new AppError('NOT_YET_AVAILABLE');
    const query = ClaimsQuerySchema.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const asOf = new Date().toISOString();
    if (query.data.companyCf) {
      const company = await companies.authorize(identity, query.data.companyCf);
      return { claims: await app.claimsReader.ofCompany(company.cf), asOf };
    }
    return { claims: await app.claimsReader.visibleTo(snapshotOf(identity)), asOf };
  });

  app.get('/api/me/access-log', async (request) => ({
    entries: await accessLogOf(app.audit, me(request.identity).sub),
  }));
}
