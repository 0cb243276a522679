import { createHash } from 'node:crypto';

/**
 * Redis keys, rooms and logs name visitors by this digest rather than by their codice fiscale,
 * so personal identifiers do not spread into key names and monitoring output.
 */
export function visitorKeyOf(codiceFiscale: string): string {
  return createHash('sha256').update(`infocig-visitor:${codiceFiscale}`).digest('base64url').slice(0, 22);
}
