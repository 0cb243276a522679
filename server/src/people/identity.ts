import { ROLES, type Role, type StaffRole, type VisitorRole } from '@infocig/shared';
import { z } from 'zod';

/**
 * The claims the portal signs about a person. Only these, read from a verified token, tell the
 * server who is asking; nothing the browser sends otherwise is trusted.
 */
export const IdentityClaimsSchema = z.object({
  /** The person's codice fiscale. */
  sub: z.string().min(1).max(32),
  role: z.enum(ROLES),
  name: z.string().min(1).max(200),
  /** Province of residence (sigla), for workers. */
  province: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** The company an owner or legal representative acts for. */
  company: z.object({ cf: z.string().regex(/^\d{11}$/), name: z.string().min(1).max(200) }).optional(),
  /** For INPS staff of an office (sede): its code. They take and answer the office's referrals. */
  office: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /**
   * Extra rights the portal grants a staff member, beyond their role. Unknown ones are carried
   * and ignored, so the portal can add rights without breaking tokens. See RIGHTS.
   */
  rights: z.array(z.string().max(64)).max(32).readonly().optional(),
});
export type IdentityClaims = z.infer<typeof IdentityClaimsSchema>;

/** The rights the server acts on. */
export const RIGHTS = {
  /** A supervisor who may retry, promote, clean and remove jobs on the job board (else read-only). */
  manageJobs: 'jobs:manage',
  /** A supervisor who is the privacy officer: searches the access log by person. */
  privacyOfficer: 'privacy:officer',
} as const;
export type Right = (typeof RIGHTS)[keyof typeof RIGHTS];

export const hasRight = (identity: IdentityClaims, right: Right): boolean =>
  identity.rights?.includes(right) ?? false;

/** A verified identity, as handlers see it. */
export interface Identity extends IdentityClaims {
  /** When the token stops being valid (epoch seconds). */
  expiresAt: number;
}

/** An identity the handshake admitted for one of `roles`: its role is known to be one of them. */
export type IdentityOf<R extends Role> = Identity & { role: R };
/** Someone who opens the widget (worker, owner, legal representative, intermediary). */
export type VisitorIdentity = IdentityOf<VisitorRole>;
/** INPS staff at the console. */
export type StaffIdentity = IdentityOf<StaffRole>;

export const hasRole = <R extends Role>(identity: Identity, roles: readonly R[]): identity is IdentityOf<R> =>
  (roles as readonly Role[]).includes(identity.role);
