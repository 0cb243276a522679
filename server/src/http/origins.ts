/**
 * Which browser origins may talk to this server: its own pages, and the host pages listed in
 * ALLOWED_ORIGINS that embed the widget. A request without an Origin header is not a cross-origin
 * browser request (a same-origin GET, a script, a server) and is let through to the token checks.
 */
export interface RequestSource {
  origin?: string;
  host?: string;
  /** `Sec-Fetch-Site`, which a page cannot forge: `same-origin` even where Origin is "null". */
  fetchSite?: string;
}

export interface OriginPolicy {
  allows(source: RequestSource): boolean;
  /** A listed origin of another site: its requests get CORS headers naming it. */
  isListed(origin: string | undefined): boolean;
}

export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const listed = new Set(allowedOrigins);
  const sameHost = (origin: string, host: string | undefined) => {
    if (!host || !URL.canParse(origin)) return false;
    return new URL(origin).host === host.toLowerCase();
  };
  return {
    // Our own form posts carry Origin "null" (the no-referrer policy): Sec-Fetch-Site says they are ours.
    allows: ({ origin, host, fetchSite }) =>
      fetchSite === 'same-origin' ||
      fetchSite === 'none' ||
      origin === undefined ||
      listed.has(origin) ||
      sameHost(origin, host),
    isListed: (origin) => origin !== undefined && listed.has(origin),
  };
}

/** Where a request (or a Socket.IO handshake) says it comes from, from its headers. */
export function sourceOf(headers: Record<string, string | string[] | undefined>): RequestSource {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return { origin: one(headers.origin), host: one(headers.host), fetchSite: one(headers['sec-fetch-site']) };
}
