import { ROLES } from '@infocig/shared';
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
});
export type IdentityClaims = z.infer<typeof IdentityClaimsSchema>;

/** A verified identity, as handlers see it. */
export interface Identity extends IdentityClaims {
  /** When the token stops being valid (epoch seconds). */
  expiresAt: number;
}
