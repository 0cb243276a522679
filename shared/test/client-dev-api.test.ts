import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPersonas, tokenProvider } from '../src/client/dev-api.ts';

const servers: Server[] = [];

/** A stand-in for the server's dev endpoints on a free port; `expiresAt` is what `/dev/token` says. */
async function devServer(expiresAt: () => unknown): Promise<{ url: string; tokensIssued: () => number }> {
  let issued = 0;
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/dev/personas') {
      const personas = [
        { id: 'worker-rm', role: 'lavoratore', name: 'Mario Rossi', description: 'Roma' },
        { id: 'nobody', role: 'astronaut', name: 'Not a role' },
        { id: 'advisor-1', role: 'advisor', name: 'Paolo Romano' },
      ];
      res.end(JSON.stringify({ personas }));
    } else if (req.url === '/dev/token' && req.method === 'POST') {
      issued += 1;
      res.end(JSON.stringify({ token: `token-${issued}`, expiresAt: expiresAt() }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, tokensIssued: () => issued };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((resolve) => s.close(resolve));
    }),
  );
});

describe('the dev sign-in endpoints', () => {
  it('lists the personas with a known role', async () => {
    const { url } = await devServer(() => null);
    const personas = await fetchPersonas(url);
    expect(personas.map((p) => [p.id, p.description])).toEqual([
      ['worker-rm', 'Roma'],
      ['advisor-1', ''],
    ]);
  });

  it('keeps a token while it has more than 2 minutes left, whether expiry is in seconds or ISO text', async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const seconds = await devServer(() => inAnHour);
    const getSeconds = tokenProvider(seconds.url, 'worker-rm');
    expect([await getSeconds(), await getSeconds()]).toEqual(['token-1', 'token-1']);

    const iso = await devServer(() => new Date(Date.now() + 3_600_000).toISOString());
    const getIso = tokenProvider(iso.url, 'worker-rm');
    expect([await getIso(), await getIso()]).toEqual(['token-1', 'token-1']);
  });

  it('fetches a new token when the one held is about to expire or has no readable expiry', async () => {
    const soon = await devServer(() => Date.now() + 90_000);
    const getToken = tokenProvider(soon.url, 'worker-rm');
    expect([await getToken(), await getToken()]).toEqual(['token-1', 'token-2']);

    const unreadable = await devServer(() => 'tomorrow');
    const getAgain = tokenProvider(unreadable.url, 'worker-rm');
    await getAgain();
    await getAgain();
    expect(unreadable.tokensIssued()).toBe(2);
  });

  it('fails on an HTTP error', async () => {
    const { url } = await devServer(() => null);
    await expect(tokenProvider(`${url}/missing`, 'worker-rm')()).rejects.toThrow('HTTP 404');
  });
});
