import { ROLES, type Role } from '../domain/index.ts';
import { RENEW_AHEAD_MS } from './session-renewal.ts';

/**
 * The server's development endpoints, standing in for the portal's and the staff's sign-in: a list
 * of ready-made people and a signed token for any of them. They exist only when the server runs in
 * dev mode.
 */
export interface Persona {
  id: string;
  role: Role;
  name: string;
  description: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

function toPersona(v: unknown): Persona | null {
  if (!isRecord(v) || typeof v.id !== 'string' || typeof v.name !== 'string' || !isRole(v.role)) return null;
  return {
    id: v.id,
    role: v.role,
    name: v.name,
    description: typeof v.description === 'string' ? v.description : '',
  };
}

async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.json();
}

export async function fetchPersonas(baseUrl: string): Promise<Persona[]> {
  const body = await json(await fetch(`${baseUrl}/dev/personas`, { cache: 'no-store' }));
  const list = isRecord(body) && Array.isArray(body.personas) ? body.personas : [];
  return list.map(toPersona).filter((p): p is Persona => p !== null);
}

/** `expiresAt` as ISO text or epoch (seconds or milliseconds) → epoch milliseconds. */
function expiryMs(value: unknown): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

/**
 * What a sign-in would hand the widget or the console: a function returning a valid token,
 * fetching a new one when the one held is about to expire.
 */
export function tokenProvider(baseUrl: string, personaId: string): () => Promise<string> {
  let held: { token: string; expiresAt: number } | null = null;
  return async () => {
    // More than the session renewal's lead, so that a renewal gets a token that lasts longer.
    if (held && held.expiresAt - Date.now() > 2 * RENEW_AHEAD_MS) return held.token;
    const response = await fetch(`${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: personaId }),
      cache: 'no-store',
    });
    const body = await json(response);
    if (!isRecord(body) || typeof body.token !== 'string') throw new Error('no token in the response');
    const expiresAt = expiryMs(body.expiresAt);
    held = { token: body.token, expiresAt: Number.isNaN(expiresAt) ? 0 : expiresAt };
    return body.token;
  };
}
