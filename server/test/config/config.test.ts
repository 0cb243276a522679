import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

const AUDIT_KEY = { AUDIT_HMAC_KEY: 'a-production-audit-key-of-32-chars-or-more' };

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      devTools: true,
      redis: { prefix: 'infocig' },
    });
    expect(config.store.dataDir).toMatch(/\.data\/pglite$/);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/claims' });
    // A query that hangs fails after 10 s by default (store-hang.test.ts shows what follows).
    expect(config.store).toEqual({ databaseUrl: 'postgres://u@db:5432/claims', queryTimeoutMs: 10_000 });
    const bounded = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/claims',
      DATABASE_QUERY_TIMEOUT_MS: '2500',
    });
    expect(bounded.store.queryTimeoutMs).toBe(2_500);
    expect(() => loadConfig({ DATABASE_QUERY_TIMEOUT_MS: '0' })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
  });

  it('refuses bad values, naming each', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'nowhere' })).toThrow(
      /PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/,
    );
  });

  it('refuses production without the portal key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', ...AUDIT_KEY })
        .devTools,
    ).toBe(false);
  });

  it('refuses production without the access audit key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /AUDIT_HMAC_KEY/,
    );
    expect(() => loadConfig({ AUDIT_HMAC_KEY: 'short' })).toThrow(/AUDIT_HMAC_KEY/);
  });

  it('never turns development tools on in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        DEV_TOOLS: 'true',
        ...AUDIT_KEY,
      }),
    ).toThrow(/DEV_TOOLS/);
  });
});
