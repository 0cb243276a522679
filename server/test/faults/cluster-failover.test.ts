import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChatMessage } from '@infocig/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  numberedWorker,
  onCluster,
  startTestServer,
  type TestServer,
  until,
  type VisitorClient,
} from '../support/index.ts';

const run = promisify(execFile);
const CLUSTER_SCRIPT = fileURLToPath(new URL('../../../scripts/redis-cluster/start.sh', import.meta.url));
/** A cluster of this file's own (a primary is killed), away from the suite's shared one. */
const clusterEnv = {
  ...process.env,
  REDIS_CLUSTER_BASE_PORT: '7201',
  REDIS_CLUSTER_DIR: `/tmp/infocig-failover-${randomBytes(4).toString('hex')}`,
};
const CHATS = 6;
const SEND_EVERY_MS = 40;

let nodes: string;
let servers: TestServer[] = [];

beforeAll(async () => {
  nodes = (await run('bash', [CLUSTER_SCRIPT], { env: clusterEnv })).stdout.trim();
  const env = {
    REDIS_CLUSTER_NODES: nodes,
    REDIS_WAIT_REPLICAS: '1',
    ADVISOR_DEFAULT_CAPACITY: '10',
    // One advisor writes in every chat: well above a person's limits, which are not what is tested.
    LIMIT_MESSAGES_PER_SOCKET: '1000/1',
    LIMIT_MESSAGES_PER_IDENTITY: '1000/1',
    LIMIT_COMMANDS_PER_SOCKET: '1000/1',
  };
  const first = await startTestServer({ env });
  servers = [first, await startTestServer({ env, sharePrefixOf: first })];
}, 60_000);

afterAll(async () => {
  for (const server of servers.reverse()) await server.close();
  await run('bash', [CLUSTER_SCRIPT, 'stop'], { env: clusterEnv });
}, 60_000);

/** One side of a chat writing steadily; a send refused while the cluster fails over is sent again with the same id. */
class Writer {
  readonly acked = new Map<string, number>();
  retries = 0;
  private stopped = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Pick<VisitorClient, 'request'> | Pick<AdvisorClient, 'request'>,
    readonly conversationId: string,
    private readonly side: string,
  ) {}

  start(): void {
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  private async loop(): Promise<void> {
    for (let n = 1; !this.stopped; n++) {
      const clientMessageId = `${this.side}-${n}`;
      for (;;) {
        const res = await (this.client as Pick<VisitorClient, 'request'>)
          .request('chat:send', {
            conversationId: this.conversationId,
            clientMessageId,
            text: `${this.side} ${n}`,
          })
          .catch(() => null);
        if (res?.ok) {
          this.acked.set(clientMessageId, res.data.seq);
          break;
        }
        if (res && res.error.code !== 'SERVICE_UNAVAILABLE')
          throw new Error(`${clientMessageId}: ${res.error.code}`);
        this.retries++;
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, SEND_EVERY_MS));
    }
  }
}

/** The primary serving `key`'s slot, as a surviving node reports it. */
async function primaryFor(key: string, askPort: number): Promise<{ port: number; id: string }> {
  const node = new Redis(askPort, '127.0.0.1');
  try {
    const slot = Number(await node.call('CLUSTER', 'KEYSLOT', key));
    const lines = String(await node.call('CLUSTER', 'NODES'))
      .trim()
      .split('\n');
    for (const line of lines) {
      const [id, address, flags, , , , , state, ...ranges] = line.split(' ');
      if (!flags?.includes('master') || flags.includes('fail') || state !== 'connected') continue;
      for (const range of ranges) {
        const [from, to = from] = range.split('-').map(Number);
        if (from !== undefined && to !== undefined && slot >= from && slot <= to)
          return { port: Number(address?.split(':')[1]?.split('@')[0]), id: id as string };
      }
    }
    throw new Error(`no primary serves slot ${slot}`);
  } finally {
    node.disconnect();
  }
}

async function wholeHistory(visitor: VisitorClient, conversationId: string): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [];
  for (;;) {
    const afterSeq = messages.at(-1)?.seq ?? 0;
    const page = await visitor.ok('chat:history', { conversationId, afterSeq, limit: 200 });
    messages.push(...page.messages);
    if (!page.hasMore) return messages;
  }
}

async function kill(port: number): Promise<void> {
  const node = new Redis(port, '127.0.0.1');
  const info = String(await node.info('server'));
  node.disconnect();
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  process.kill(pid, 'SIGKILL');
}

describe.runIf(onCluster)('a Redis Cluster primary killed while chats run', () => {
  it('fails over to its replica, loses no acknowledged message, and hands out chats again', async () => {
    const [first, second] = servers as [TestServer, TestServer];
    const advisor = await connectAdvisor(first.url, await first.token('advisor'));
    await advisor.next('session:ready');
    const writers: Writer[] = [];
    const visitors: VisitorClient[] = [];
    for (let n = 1; n <= CHATS; n++) {
      const server = n % 2 ? first : second;
      const visitor = await connectVisitor(server.url, await server.token(numberedWorker('FAILVR', n)));
      await visitor.next('session:ready');
      const { conversation } = await visitor.ok('chat:request', {});
      await advisor.next('chat:assigned', (c) => c.id === conversation.id);
      visitors.push(visitor);
      writers.push(
        new Writer(visitor, conversation.id, `v${n}`),
        new Writer(advisor, conversation.id, `a${n}`),
      );
    }
    for (const writer of writers) writer.start();
    await new Promise((r) => setTimeout(r, 1_500));

    // The routing slot's primary: queues, advisors and every hand-out live there.
    const ports = nodes.split(',').map((n) => Number(n.split(':')[1]));
    const routingKey = first.app.keys.presence();
    const victim = await primaryFor(routingKey, ports[0] as number);
    const survivor = ports.find((p) => p !== victim.port) as number;
    const killedAt = Date.now();
    await kill(victim.port);
    await until(
      async () => (await primaryFor(routingKey, survivor).catch(() => victim)).port !== victim.port,
      'a replica promoted',
      20_000,
    );
    const promotedMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 2_000));
    for (const writer of writers) await writer.stop();

    let acknowledged = 0;
    for (let n = 0; n < CHATS; n++) {
      const visitor = visitors[n] as VisitorClient;
      const { conversationId } = writers[n * 2] as Writer;
      const messages = await wholeHistory(visitor, conversationId);
      const stored = new Map(messages.map((m) => [m.clientMessageId, m.seq]));
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      expect(stored.size).toBe(messages.length);
      for (const writer of [writers[n * 2], writers[n * 2 + 1]] as Writer[]) {
        for (const [clientMessageId, seq] of writer.acked) {
          acknowledged++;
          expect(stored.get(clientMessageId), clientMessageId).toBe(seq);
        }
      }
    }
    const retries = writers.reduce((sum, w) => sum + w.retries, 0);
    console.log(
      `cluster failover: primary :${victim.port} killed, replica promoted after ${promotedMs} ms; ` +
        `${acknowledged} messages acknowledged, ${retries} sends retried, 0 lost`,
    );

    // Routing heals without a restart: a new chat is handed out by the promoted replica.
    const late = await connectVisitor(second.url, await second.token(numberedWorker('FAILVR', 9)));
    await late.next('session:ready');
    const { conversation } = await late.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === conversation.id, 10_000);
    for (const client of [...visitors, late, advisor]) client.close();
  }, 90_000);
});
