import proxyaddr from '@fastify/proxy-addr';

/**
 * Which proxies in front of the server may say who the client is (`X-Forwarded-For`), in
 * Fastify's terms: none (false), all (true), the nearest N hops, or these addresses and ranges.
 * Per-address rate limits count the client, not the load balancer, only when this is set.
 */
export type TrustProxy = boolean | number | string[];

/** Parses TRUST_PROXY: `false` (default), `true`, a hop count, or a comma-separated list of addresses/CIDRs. */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim());
  proxyaddr.compile(list); // throws on an address or range it cannot read
  return list;
}

/** The trust test `proxyaddr` applies to each hop, for the same setting Fastify is given. */
export function trustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === 'boolean') return () => trust;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust);
}
