import { ROLE_LABELS } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validationError } from '../errors/app-error.ts';
import { DEMO_PERSONAS, type PersonaId } from './personas.ts';

const TokenRequestSchema = z.object({
  persona: z.enum(Object.keys(DEMO_PERSONAS) as [PersonaId, ...PersonaId[]]),
});

/** Stand-ins for the portal's login, registered only in development (see app.ts). */
export async function devRoutes(app: FastifyInstance) {
  const mint = app.mintToken;
  if (!mint) throw new Error('dev routes need the development token minter');

  app.get('/dev/personas', async () => ({
    personas: Object.entries(DEMO_PERSONAS).map(([id, p]) => ({
      id,
      role: p.role,
      name: p.name,
      description: `${ROLE_LABELS[p.role].it}${'province' in p ? ` · ${p.province}` : ''}${'company' in p ? ` · ${p.company.name}` : ''}`,
    })),
  }));

  app.post('/dev/token', async (request) => {
    const parsed = TokenRequestSchema.safeParse(request.body);
    if (!parsed.success) throw validationError(parsed.error);
    const ttlSeconds = app.config.devTokenTtlSeconds;
    const token = await mint(DEMO_PERSONAS[parsed.data.persona], ttlSeconds);
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  });

  app.log.warn('development tools are on: /dev/token mints identity tokens');
}
