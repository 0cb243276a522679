import type { Label } from './labels.ts';

/** People who open the widget: workers, company owners and legal representatives, intermediaries. */
export const VISITOR_ROLES = ['lavoratore', 'titolare', 'legale_rappresentante', 'consulente'] as const;
/** INPS staff who use the console. */
export const STAFF_ROLES = ['advisor', 'supervisor'] as const;
export const ROLES = [...VISITOR_ROLES, ...STAFF_ROLES] as const;

export type VisitorRole = (typeof VISITOR_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

/**
 * Who a visitor is for rollout and routing: workers are admitted by province of residence,
 * employers and intermediaries by the province of the company's legal seat.
 */
export const AUDIENCES = ['workers', 'employers'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ROLE_LABELS: Record<Role, Label> = {
  lavoratore: { it: 'Lavoratore', en: 'Worker' },
  titolare: { it: 'Titolare', en: 'Owner' },
  legale_rappresentante: { it: 'Legale rappresentante', en: 'Legal representative' },
  consulente: { it: 'Intermediario', en: 'Intermediary' },
  advisor: { it: 'Consulente esperto INPS', en: 'INPS advisor' },
  supervisor: { it: 'Supervisore', en: 'Supervisor' },
};

export function isVisitorRole(role: Role): role is VisitorRole {
  return (VISITOR_ROLES as readonly Role[]).includes(role);
}

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export function audienceOf(role: VisitorRole): Audience {
  return role === 'lavoratore' ? 'workers' : 'employers';
}
