import { afterAll, beforeAll } from 'vitest';
import type { PersonaId } from '../../src/dev/personas.ts';
import type { IdentityClaims } from '../../src/people/identity.ts';
import { startRestartableRedis } from './restartable-redis.ts';
import { connectAdvisor, connectVisitor } from './test-client.ts';
import { startTestServer, type TestServer } from './test-server.ts';

type RestartableRedis = Awaited<ReturnType<typeof startRestartableRedis>>;

/**
 * A test server on a Redis of the file's own that a test may kill, restart or empty; set up before
 * the file's tests and torn down after them (Redis started again first, so the server closes cleanly).
 */
export function serverOnRestartableRedis(env: Record<string, string> = {}) {
  let redis: RestartableRedis | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    redis = await startRestartableRedis();
    server = await startTestServer({ env: { ...env, REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis?.start().catch(() => {});
    await server?.close();
    await redis?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('used before the fixture was set up');
    return value;
  };
  return {
    get redis() {
      return ready(redis);
    },
    get server() {
      return ready(server);
    },
  };
}

/** A worker in Rome, numbered within a test file: `tag` (six letters) keeps files apart. */
export const numberedWorker = (tag: string, n: number) => ({
  sub: `${tag}${n}0A01H501X`,
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});

/** The demo advisor connected and a visitor whose chat that advisor has been handed. */
export async function startAssignedChat(
  server: TestServer,
  visitorClaims: IdentityClaims | PersonaId,
  request: { topic?: string } = {},
) {
  const advisor = await connectAdvisor(server.url, await server.token('advisor'));
  await advisor.next('session:ready');
  const visitor = await connectVisitor(server.url, await server.token(visitorClaims));
  await visitor.next('session:ready');
  const { conversation } = await visitor.ok('chat:request', request);
  await advisor.next('chat:assigned', (c) => c.id === conversation.id);
  return { advisor, visitor, conversation };
}
