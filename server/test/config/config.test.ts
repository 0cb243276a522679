import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

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
    expect(config.store).toEqual({ databaseUrl: 'postgres://u@db:5432/claims' });
  });

  it('refuses bad values, naming each', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'nowhere' })).toThrow(
      /PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/,
    );
  });

  it('refuses production without the portal key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' }).devTools).toBe(
      false,
    );
  });

  it('never turns development tools on in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', DEV_TOOLS: 'true' }),
    ).toThrow(/DEV_TOOLS/);
  });
});
