import { type Language, ROLE_LABELS, ROLES, type Role } from '@infocig/shared';
import type { SelfServiceTexts } from './it-self-service.ts';

/**
 * The access log's `what`, `purpose` and `actorRole` are the audit's own short codes (e.g.
 * `claims,transcript`, `assigned chat`, `advisor`): in words where known, as given otherwise.
 */
export function accessWhat(t: SelfServiceTexts, what: string): string {
  return what
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '')
    .map((w) => t.privacy.whatWords[w] ?? w)
    .join(', ');
}

export function accessPurpose(t: SelfServiceTexts, purpose: string): string {
  return t.privacy.purposeWords[purpose] ?? purpose;
}

const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

export function accessRole(lang: Language, role: string): string {
  return isRole(role) ? ROLE_LABELS[role][lang] : role;
}
