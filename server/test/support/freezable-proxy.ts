import net from 'node:net';

/**
 * A TCP proxy that can freeze: while frozen nothing passes either way and new connections are
 * accepted but never answered, as a database server that hangs (stopped, or cut off by a network
 * that drops packets) rather than refusing. Thawed, every connection carries on.
 */
export async function startFreezableProxy(target: { host: string; port: number }) {
  let frozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const join = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const part = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = net.createServer((client) => {
    const pair: [net.Socket, net.Socket] = [client, net.connect(target.port, target.host)];
    pairs.add(pair);
    const close = () => {
      pairs.delete(pair);
      for (const socket of pair) socket.destroy();
    };
    for (const socket of pair) socket.on('error', close).on('close', close);
    if (frozen) part(pair);
    else join(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    freeze(): void {
      frozen = true;
      for (const pair of pairs) part(pair);
    },
    thaw(): void {
      frozen = false;
      for (const pair of pairs) join(pair);
    },
    async close(): Promise<void> {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
