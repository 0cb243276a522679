import { WireErrorSchema } from '@infocig/shared';
import { z } from 'zod';

/** Every REST failure: `{ error: { code, message, issues? } }`, the code from the shared catalogue. */
export const ErrorBodySchema = z.object({ error: WireErrorSchema });

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 503;

/** The error answers a route may give, for its response schema (and so for the document). */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBodySchema])) as Record<S, typeof ErrorBodySchema>;
}

/** A route behind the portal's bearer token, for the document. */
export const bearer = [{ portalToken: [] }] as const;
