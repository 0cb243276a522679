import { ROLE_LABELS, ROLES } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/responses.ts';
import { DEMO_PERSONAS, type PersonaId } from './personas.ts';

const PersonaIdSchema = z.enum(Object.keys(DEMO_PERSONAS) as [PersonaId, ...PersonaId[]]);

const TokenRequestSchema = z.object({ persona: PersonaIdSchema });

/** Stand-ins for the portal's login, registered only in development (see app.ts). */
export async function devRoutes(app: FastifyInstance) {
  const mint = app.mintToken;
  if (!mint) throw new Error('dev routes need the development token minter');
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['development'];

  routes.get(
    '/dev/personas',
    {
      schema: {
        tags,
        summary: 'Demo identities (development only)',
        response: {
          200: z.object({
            personas: z.array(
              z.object({
                id: PersonaIdSchema,
                role: z.enum(ROLES),
                name: z.string(),
                description: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      personas: Object.entries(DEMO_PERSONAS).map(([id, p]) => ({
        id: id as PersonaId,
        role: p.role,
        name: p.name,
        description: [
          ROLE_LABELS[p.role].it,
          'province' in p ? p.province : null,
          'company' in p ? p.company.name : null,
          'office' in p ? `sede ${p.office}, segnalazioni` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
    }),
  );

  routes.post(
    '/dev/token',
    {
      schema: {
        tags,
        summary: "A demo persona's identity token, signed with the local stand-in for the portal's key",
        body: TokenRequestSchema,
        response: {
          200: z.object({ token: z.string(), expiresAt: z.iso.datetime({ offset: true }) }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const ttlSeconds = app.config.devTokenTtlSeconds;
      const token = await mint(DEMO_PERSONAS[request.body.persona], ttlSeconds);
      return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
    },
  );

  app.log.warn('development tools are on: /dev/token mints identity tokens');
}
