import { italianDay } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/http-auth.ts';
import { AppError } from '../errors/app-error.ts';
import { CSV_FIGURES, figuresCsv } from '../figures/figures-csv.ts';
import { publishedFigures, SEGMENTS } from '../figures/published-figures.ts';
import { bearer, errorResponses } from '../http/responses.ts';
import { FiguresSchema } from './supervision-schemas.ts';

const PeriodSchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
const FiguresQuerySchema = PeriodSchema.strict();
const FiguresCsvQuerySchema = PeriodSchema.extend({
  figure: z.enum(CSV_FIGURES),
  /** One group only; without it, every group (total, audiences, user categories). */
  segment: z.enum(SEGMENTS).optional(),
}).strict();

/** The longest period asked at once: the queries scan every interaction in it. */
export const MAX_PERIOD_YEARS = 3;

/** `day` (YYYY-MM-DD) moved by whole years; 29 February becomes 1 March in a common year. */
const yearsFrom = (day: string, years: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
};

const refused = (path: 'from' | 'to', message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The period asked for, by default the year up to today (Italian time); refused when reversed or too long. */
export function periodOf(query: { from?: string; to?: string }, today = italianDay(new Date())) {
  const to = query.to ?? today;
  const from = query.from ?? yearsFrom(to, -1);
  if (from > to) throw refused('from', 'The period must not start after it ends.');
  if (yearsFrom(from, MAX_PERIOD_YEARS) < to) {
    throw refused('to', `The period may be at most ${MAX_PERIOD_YEARS} years long.`);
  }
  return { from, to };
}

/** The figures the institute publishes, for supervisors: as JSON, and each figure as CSV. */
export async function figuresRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole(app.verifyToken, ['supervisor']));
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  routes.get(
    '/api/supervisor/figures',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'The published figures in total, by audience and by user category, for a period (default: the last year)',
        querystring: FiguresQuerySchema,
        response: { 200: FiguresSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { from, to } = periodOf(request.query);
      return publishedFigures(app.db, from, to);
    },
  );

  routes.get(
    '/api/supervisor/figures.csv',
    {
      schema: {
        tags,
        security: bearer,
        summary:
          'One published figure as CSV (text/csv, comma-separated), for every group or one, from the same numbers as the JSON',
        querystring: FiguresCsvQuerySchema,
        response: { 200: z.string(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { figure, segment } = request.query;
      const { from, to } = periodOf(request.query);
      const figures = await publishedFigures(app.db, from, to);
      const csv = figuresCsv(figures, figure, segment ? [segment] : undefined);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="infocig-figures-${figure}-${segment ?? 'all'}-${from}-${to}.csv"`,
        )
        .send(csv);
    },
  );
}
