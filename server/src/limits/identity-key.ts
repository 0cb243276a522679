import { createHash } from 'node:crypto';
import type { Identity } from '../people/identity.ts';

/**
 * Limits count per identity under a digest of role and subject: no codice fiscale in key names,
 * and nothing a token carries can shape the key.
 */
export function limitKeyOf(identity: Pick<Identity, 'role' | 'sub'>): string {
  return createHash('sha256')
    .update(`infocig-limit:${identity.role}:${identity.sub}`)
    .digest('base64url')
    .slice(0, 22);
}

/** A client address as a key part: only hex digits, dots and underscores (IPv6 colons become `_`). */
export const addressKeyOf = (address: string) => address.replace(/[^0-9A-Za-z.]/g, '_').slice(0, 64);
