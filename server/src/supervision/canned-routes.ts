import { CannedReplySchema, SharedCannedRepliesSchema } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { createCannedReplies } from '../canned/canned-replies.ts';
import { bearer, errorResponses } from '../http/responses.ts';

const RepliesSchema = z.object({ replies: z.array(CannedReplySchema) });

/** Supervisors keep the shared set of canned replies every advisor can use. */
export async function cannedRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const canned = createCannedReplies(app.db);
  const tags = ['supervision'];

  routes.get(
    '/api/supervisor/canned-replies',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'The shared canned replies, in order',
        response: { 200: RepliesSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ replies: await canned.shared() }),
  );

  routes.put(
    '/api/supervisor/canned-replies',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Replace the shared canned replies whole',
        body: SharedCannedRepliesSchema,
        response: { 200: RepliesSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      replies: await canned.replaceShared(request.body.replies, request.identity?.sub ?? ''),
    }),
  );
}
