import path from 'node:path';
import type { Audience } from '@infocig/shared';
import { z } from 'zod';
import { parseServiceHours, type ServiceHours } from '../hours/service-hours.ts';
import { type LimitsConfig, LimitsEnvSchema, limitsFrom } from './limits-config.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

const serviceHours = z.string().transform((spec, ctx) => {
  try {
    return parseServiceHours(spec);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting the server reads, from the environment, checked once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Pages of other origins that may embed the widget, comma-separated (`https://www.inps.it`). The
   * server's own pages always may; a browser request or Socket.IO handshake from any other origin is
   * refused with ORIGIN_FORBIDDEN.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const item of value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)) {
        const url = URL.canParse(item) ? new URL(item) : null;
        if (!url || url.origin !== item.replace(/\/$/, '') || !['http:', 'https:'].includes(url.protocol)) {
          ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${item}` });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    }),
  /** Proxies trusted to name the client (X-Forwarded-For): false, true, a hop count, or addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `not false, true, a hop count or addresses: ${(err as Error).message}`,
        });
        return z.NEVER;
      }
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /**
   * A Redis Cluster instead of REDIS_URL: some of its nodes as `host:port,host:port`; the rest are
   * discovered. Keys carry hash tags (redis/keys.ts), so the same layout runs on both.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+:\d{1,5}(,[A-Za-z0-9_.-]+:\d{1,5})*$/, 'a list of host:port, comma-separated')
    .transform((list) =>
      list.split(',').map((node) => {
        const at = node.lastIndexOf(':');
        return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
      }),
    )
    .optional(),
  /**
   * Replicas every acknowledged write (each message, hand-out and closing) must reach before it is
   * acknowledged (Redis WAIT), so that a primary's failover loses none; 0 waits for none. Set it to
   * 1 on a cluster (or a primary with a replica) when a failover must lose nothing.
   */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).max(5).default(0),
  /** How long an acknowledgement waits for those replicas before going ahead on the primary alone. */
  REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().min(1).max(10_000).default(250),
  /** Braces are not allowed: keys place their own hash tags after the prefix. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - (keys add their own hash tags)')
    .default('infocig'),
  /**
   * Run in production on a Redis that keeps nothing on disk (no AOF): a Redis restart then loses
   * every live chat and acknowledged message. Off by default: production refuses to start.
   */
  REDIS_ACCEPT_NO_PERSISTENCE: booleanFlag.default(false),
  /** PostgreSQL; when unset the claims store is embedded PGlite under INFOCIG_DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /**
   * PostgreSQL: how long a query, or the wait for a connection, may take before it fails as a
   * dependency failure (SERVICE_UNAVAILABLE): a server that hangs instead of refusing must not
   * hold people's commands for good. Migrations and seeding are not bound by it.
   */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** PostgreSQL schema to use (created if missing), e.g. to keep test runs apart. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  /**
   * PostgreSQL as an owner or admin role, for migrations only; the server then connects with
   * DATABASE_URL as an ordinary role that cannot rewrite the access audit.
   */
  DATABASE_ADMIN_URL: z.url().optional(),
  INFOCIG_DATA_DIR: z.string().default('.data'),
  /** The access audit's HMAC key, kept away from the database. Required in production. */
  AUDIT_HMAC_KEY: z.string().min(32, 'at least 32 characters').optional(),
  AUTH_ISSUER: z.string().default('https://portale.inps.example/idp'),
  AUTH_AUDIENCE: z.string().default('infocig'),
  /** The portal's ES256 public key (PEM, SPKI). Either this or AUTH_JWKS_URL in production. */
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_JWKS_URL: z.url().optional(),
  ADVISOR_DEFAULT_CAPACITY: z.coerce.number().int().min(1).max(20).default(3),
  /** Sockets one person may hold at once (tabs, devices); past it the oldest is closed. */
  MAX_SOCKETS_PER_VISITOR: z.coerce.number().int().min(1).max(100).default(5),
  MAX_SOCKETS_PER_ADVISOR: z.coerce.number().int().min(1).max(100).default(3),
  /** How long an advisor with no connection keeps their chats before they return to the queue. */
  ADVISOR_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /** How long a visitor with no connection keeps their conversation before it closes. */
  VISITOR_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(120),
  /** A chat where nobody writes for this long closes, after a warning INACTIVITY_WARNING_SECONDS before. */
  CHAT_INACTIVITY_SECONDS: z.coerce.number().min(1).max(86_400).default(900),
  INACTIVITY_WARNING_SECONDS: z.coerce.number().min(0).max(3600).default(120),
  /**
   * When each queue is staffed: "always" or e.g. "mon-fri 15:00-18:00" (Italian time). Defaults:
   * always open, except in production, where the original service hours apply.
   */
  SERVICE_HOURS_WORKERS: serviceHours.optional(),
  SERVICE_HOURS_EMPLOYERS: serviceHours.optional(),
  /** A visitor waiting this long is offered to leave a follow-up instead. */
  FOLLOWUP_OFFER_AFTER_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  /** A referral to an INPS office still unanswered this long after it opened is marked overdue (5 days). */
  REFERRAL_DUE_SECONDS: z.coerce
    .number()
    .min(1)
    .max(90 * 86_400)
    .default(5 * 86_400),
  /** Access-audit rows are deleted after this many days. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  /** Closed transcripts are deleted after this many days. */
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Built front-ends to serve: the widget's demo page at `/`, the console at `/console/`. */
  WIDGET_DIST: z.string().optional(),
  CONSOLE_DIST: z.string().optional(),
  /**
   * Bearer token that /metrics asks for (16+ characters). Without it: in production /metrics is
   * off; elsewhere one is made and kept in INFOCIG_DATA_DIR/metrics-token.
   */
  METRICS_TOKEN: z.string().min(16).max(512).optional(),
  /** Who sees /docs: anyone ("open") or supervisors only; default open except in production. */
  DOCS_ACCESS: z.enum(['open', 'supervisor']).optional(),
  /** Token-minting endpoints for trying the product; only ever in development. */
  DEV_TOOLS: booleanFlag.optional(),
  /** Lifetime of the tokens `/dev/token` mints, e.g. short to watch sessions renew. */
  DEV_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3600),
  ...LimitsEnvSchema.shape,
});

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  trustProxy: TrustProxy;
  /** Origins (besides this server's own) whose pages may embed the widget. */
  allowedOrigins: readonly string[];
  logLevel: string;
  /** `requirePersistence`: refuse to start on a Redis without AOF (production, unless accepted). */
  redis: {
    url: string;
    clusterNodes?: { host: string; port: number }[];
    waitReplicas?: { replicas: number; timeoutMs: number };
    prefix: string;
    requirePersistence: boolean;
  };
  store: {
    databaseUrl?: string;
    schema?: string;
    dataDir?: string;
    adminUrl?: string;
    image?: string;
    queryTimeoutMs?: number;
  };
  /** Unset outside production: a key made once under the data directory stands in. */
  auditHmacKey?: string;
  dataDir: string;
  auth: { issuer: string; audience: string; publicKeyPem?: string; jwksUrl?: string };
  advisorDefaultCapacity: number;
  maxSockets: { visitor: number; advisor: number };
  graceMs: { advisor: number; visitor: number };
  inactivity: { timeoutMs: number; warningMs: number };
  serviceHours: Record<Audience, ServiceHours>;
  followUpOfferAfterMs: number;
  referralDueMs: number;
  transcriptRetentionSeconds: number;
  auditRetentionDays: number;
  staticDirs: { widget?: string; console?: string };
  devTools: boolean;
  /** Undefined: generated (development, test) or /metrics off (production). */
  metricsToken?: string;
  docsAccess: 'open' | 'supervisor';
  devTokenTtlSeconds: number;
  limits: LimitsConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const devTools = e.DEV_TOOLS ?? e.NODE_ENV === 'development';
  if (devTools && e.NODE_ENV === 'production') {
    throw new ConfigError('DEV_TOOLS cannot be enabled in production.');
  }
  if (e.NODE_ENV === 'production' && !e.AUTH_PUBLIC_KEY && !e.AUTH_JWKS_URL) {
    throw new ConfigError('Production needs the portal key: set AUTH_PUBLIC_KEY or AUTH_JWKS_URL.');
  }
  if (e.NODE_ENV === 'production' && !e.AUDIT_HMAC_KEY) {
    throw new ConfigError('Production needs the access audit key: set AUDIT_HMAC_KEY.');
  }
  if (e.DATABASE_ADMIN_URL && !e.DATABASE_URL) {
    throw new ConfigError('DATABASE_ADMIN_URL needs DATABASE_URL, the connection the server uses.');
  }
  const dataDir = path.resolve(e.INFOCIG_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    trustProxy: e.TRUST_PROXY,
    allowedOrigins: e.ALLOWED_ORIGINS,
    logLevel: e.LOG_LEVEL,
    redis: {
      url: e.REDIS_URL,
      ...(e.REDIS_CLUSTER_NODES ? { clusterNodes: e.REDIS_CLUSTER_NODES } : {}),
      ...(e.REDIS_WAIT_REPLICAS > 0
        ? { waitReplicas: { replicas: e.REDIS_WAIT_REPLICAS, timeoutMs: e.REDIS_WAIT_TIMEOUT_MS } }
        : {}),
      prefix: e.REDIS_PREFIX,
      requirePersistence: e.NODE_ENV === 'production' && !e.REDIS_ACCEPT_NO_PERSISTENCE,
    },
    store: e.DATABASE_URL
      ? {
          databaseUrl: e.DATABASE_URL,
          queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
          ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}),
          ...(e.DATABASE_ADMIN_URL ? { adminUrl: e.DATABASE_ADMIN_URL } : {}),
        }
      : { dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    ...(e.AUDIT_HMAC_KEY ? { auditHmacKey: e.AUDIT_HMAC_KEY } : {}),
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      publicKeyPem: e.AUTH_PUBLIC_KEY,
      jwksUrl: e.AUTH_JWKS_URL,
    },
    advisorDefaultCapacity: e.ADVISOR_DEFAULT_CAPACITY,
    maxSockets: { visitor: e.MAX_SOCKETS_PER_VISITOR, advisor: e.MAX_SOCKETS_PER_ADVISOR },
    serviceHours: {
      workers: e.SERVICE_HOURS_WORKERS ?? defaultHours(e.NODE_ENV),
      employers: e.SERVICE_HOURS_EMPLOYERS ?? defaultHours(e.NODE_ENV),
    },
    followUpOfferAfterMs: e.FOLLOWUP_OFFER_AFTER_SECONDS * 1000,
    referralDueMs: e.REFERRAL_DUE_SECONDS * 1000,
    inactivity: {
      timeoutMs: e.CHAT_INACTIVITY_SECONDS * 1000,
      warningMs: Math.min(e.INACTIVITY_WARNING_SECONDS, e.CHAT_INACTIVITY_SECONDS) * 1000,
    },
    graceMs: { advisor: e.ADVISOR_GRACE_SECONDS * 1000, visitor: e.VISITOR_GRACE_SECONDS * 1000 },
    transcriptRetentionSeconds: e.TRANSCRIPT_RETENTION_DAYS * 86_400,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    staticDirs: { widget: e.WIDGET_DIST, console: e.CONSOLE_DIST },
    devTools,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    docsAccess: e.DOCS_ACCESS ?? (e.NODE_ENV === 'production' ? 'supervisor' : 'open'),
    devTokenTtlSeconds: e.DEV_TOKEN_TTL_SECONDS,
    limits: limitsFrom(e),
  };
}

const defaultHours = (env: Config['env']) =>
  parseServiceHours(env === 'production' ? 'mon-fri 15:00-18:00' : 'always');
