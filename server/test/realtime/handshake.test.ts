import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NAMESPACES, PROTOCOL_VERSION } from '@infocig/shared';
import { base64url, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevKeys, loadOrCreateDevKeys } from '../../src/dev/dev-keys.ts';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { createTokenMinter } from '../../src/dev/token-minter.ts';
import { connectVisitor, countKeys, refusal, startTestServer, type TestServer } from '../support/index.ts';

const worker = DEMO_PERSONAS['worker-rm'];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const auth = (token: string, protocolVersion = PROTOCOL_VERSION) => ({ token, protocolVersion });
const visitorRefusal = (authPayload: object) => refusal(server.url, NAMESPACES.visitor, authPayload);

function unsigned(claims: object): string {
  const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  return `${header}.${base64url.encode(JSON.stringify(claims))}.`;
}

describe('the handshake admits only a verified portal identity', () => {
  it('accepts a valid token and says who the visitor is', async () => {
    const client = await connectVisitor(server.url, await server.token('worker-rm'));
    const ready = await client.next('session:ready');
    expect(ready.identity).toMatchObject({ role: 'lavoratore', displayName: 'Mario Rossi', province: 'RM' });
    client.close();
  });

  it('refuses a missing token', async () => {
    expect((await visitorRefusal({})).code).toBe('AUTH_TOKEN_MISSING');
  });

  it('refuses garbage', async () => {
    expect((await visitorRefusal(auth('not-a-jwt'))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses an expired token', async () => {
    expect((await visitorRefusal(auth(await server.token('worker-rm', -60)))).code).toBe(
      'AUTH_TOKEN_EXPIRED',
    );
  });

  it('refuses a token signed by another key', async () => {
    const forger = await createTokenMinter((await generateDevKeys()).privateKeyPem, server.config.auth);
    expect((await visitorRefusal(auth(await forger(worker)))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = unsigned({
      ...worker,
      iss: server.config.auth.issuer,
      aud: server.config.auth.audience,
      iat: now,
      exp: now + 600,
    });
    expect((await visitorRefusal(auth(token))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const publicPem = await readFile(path.join(server.config.dataDir, 'dev-keys', 'portal-public.pem'));
    const token = await new SignJWT({ role: worker.role, name: worker.name, province: worker.province })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(worker.sub)
      .setIssuer(server.config.auth.issuer)
      .setAudience(server.config.auth.audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new Uint8Array(publicPem));
    expect((await visitorRefusal(auth(token))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses a token for another audience or issuer', async () => {
    const { privateKeyPem } = await loadOrCreateDevKeys(server.config.dataDir);
    const otherAudience = await createTokenMinter(privateKeyPem, {
      ...server.config.auth,
      audience: 'another-service',
    });
    const otherIssuer = await createTokenMinter(privateKeyPem, {
      ...server.config.auth,
      issuer: 'https://evil.example',
    });
    expect((await visitorRefusal(auth(await otherAudience(worker)))).code).toBe('AUTH_TOKEN_INVALID');
    expect((await visitorRefusal(auth(await otherIssuer(worker)))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses a signed token that lacks the identity claims', async () => {
    const token = await server.token({ sub: worker.sub } as never);
    expect((await visitorRefusal(auth(token))).code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses another protocol version', async () => {
    const token = await server.token('worker-rm');
    expect((await visitorRefusal(auth(token, PROTOCOL_VERSION + 1))).code).toBe(
      'PROTOCOL_VERSION_UNSUPPORTED',
    );
  });

  it('keeps each role to its namespace', async () => {
    expect((await visitorRefusal(auth(await server.token('advisor')))).code).toBe('AUTH_ROLE_FORBIDDEN');
    const workerAsAdvisor = await refusal(
      server.url,
      NAMESPACES.advisor,
      auth(await server.token('worker-rm')),
    );
    expect(workerAsAdvisor.code).toBe('AUTH_ROLE_FORBIDDEN');
  });

  it('creates no state for refused connections', async () => {
    const before = await countKeys(server.config.redis.prefix);
    for (let i = 0; i < 5; i++) {
      await visitorRefusal(auth(await server.token({ ...worker, sub: `XXXXXX00A00X000${i}` }, -60)));
      await visitorRefusal(auth(`forged.${i}.token`));
    }
    expect(await countKeys(server.config.redis.prefix)).toBe(before);
  });
});
