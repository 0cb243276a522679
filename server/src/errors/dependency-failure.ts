/** How long a client told SERVICE_UNAVAILABLE should wait before trying again (HTTP Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

/** Network failures of a socket to Redis or PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean the server cannot serve us now, not that the query was wrong:
 * class 08 (connection exception), 57P01–57P05 (terminated, shutting down, cannot connect now),
 * 53300 (too many connections) and 55000 as raised for a database that refuses connections.
 */
const isUnavailableSqlState = (code: string, message: string) =>
  code.startsWith('08') ||
  /^57P0[1-5]$/.test(code) ||
  code === '53300' ||
  (code === '55000' && message.includes('not currently accepting connections'));

/** ioredis' messages for a command refused or dropped because the connection is not up. */
const REDIS_CONNECTION_MESSAGES = [
  "Stream isn't writeable",
  'Connection is closed',
  'Reached the max retries per request limit',
];

/**
 * Redis Cluster replies while a primary fails over or slots move: the cluster cannot serve the
 * key now (CLUSTERDOWN, TRYAGAIN, LOADING, a write reaching a demoted primary), or the slot moved
 * and the client's map was stale (MOVED/ASK inside a pipeline, which ioredis does not follow; the
 * map is refreshed for the next command). ioredis' own errors when no node answers.
 */
const REDIS_CLUSTER_PREFIXES = [
  'CLUSTERDOWN',
  'TRYAGAIN',
  'LOADING',
  'READONLY',
  'MASTERDOWN',
  'MOVED',
  'ASK',
];
const REDIS_CLUSTER_MESSAGES = ['Failed to refresh slots cache', 'None of startup nodes is available'];

/** node-postgres' messages for a connection that broke or never came. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

/**
 * Whether an error means a dependency (Redis, the claims store) is unreachable rather than a
 * fault in the request: the one place both the socket commands and the REST routes ask, so both
 * answer SERVICE_UNAVAILABLE for the same failures.
 */
export function isDependencyFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code)) return true;
  if (code && isUnavailableSqlState(code, error.message)) return true;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  const { message } = error;
  if (REDIS_CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  if (REDIS_CLUSTER_PREFIXES.some((p) => message.startsWith(`${p} `))) return true;
  if (REDIS_CLUSTER_MESSAGES.some((m) => message.includes(m)) || error.name === 'ClusterAllFailedError')
    return true;
  if (PG_CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  // Promise.all and AggregateError (a connect that tried several addresses) carry the cause inside.
  if (error instanceof AggregateError) return error.errors.some(isDependencyFailure);
  return 'cause' in error && error.cause !== error && isDependencyFailure(error.cause);
}
