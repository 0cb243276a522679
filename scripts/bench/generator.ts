/**
 * A load generator process (forked by the bench): many socket.io-client connections playing
 * visitors and advisors, driven by the parent's commands over IPC, reporting counters every second.
 */
import { createTokenMinter } from '@infocig/server';
import { Advisor } from './generator/advisor.ts';
import type { GeneratorContext } from './generator/context.ts';
import { flood } from './generator/flood.ts';
import { Metrics } from './generator/metrics.ts';
import { Pacer } from './generator/pacer.ts';
import { Visitor } from './generator/visitor.ts';
import type { Command, GeneratorMessage, Person, Reply, Target } from './ipc.ts';

const ctx: GeneratorContext = {
  genId: 0,
  localAddress: '127.0.0.1',
  mint: () => Promise.reject(new Error('not initialised')),
  behaviour: { kind: 'quiet' },
  metrics: new Metrics(),
  pacer: new Pacer(),
  nextMessageId: () => {
    messageCounter++;
    return `g${ctx.genId}-${messageCounter}`;
  },
};
let messageCounter = 0;
let visitors: Visitor[] = [];
let advisors: Advisor[] = [];

const send = (message: GeneratorMessage) => process.send?.(message);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects people `concurrency` at a time, or at `perSecond` arrivals a second. */
async function connectVisitors(
  target: Target,
  urls: string[],
  people: Person[],
  concurrency: number,
  chat: boolean,
  perSecond?: number,
  settled = false,
): Promise<void> {
  const agents = people.map(
    (person, i) => new Visitor(ctx, person, target, urls[i % urls.length] as string, chat),
  );
  visitors.push(...agents);
  if (perSecond) {
    const startedAt = Date.now();
    const pending: Promise<boolean>[] = [];
    for (let i = 0; i < agents.length; i++) {
      const at = startedAt + (i * 1000) / perSecond;
      const wait = at - Date.now();
      if (wait > 0) await sleep(wait);
      pending.push((agents[i] as Visitor).connect());
    }
    await Promise.all(pending);
    return;
  }
  let next = 0;
  const lane = async () => {
    while (next < agents.length) await (agents[next++] as Visitor).connect(settled);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}

async function claimsLoad(perSecond: number, durationMs: number): Promise<void> {
  const live = visitors.filter((v) => v.connected);
  if (live.length === 0 || perSecond <= 0) return;
  const startedAt = Date.now();
  const pending = new Set<Promise<void>>();
  let issued = 0;
  let next = 0;
  while (Date.now() - startedAt < durationMs) {
    const due = Math.floor(((Date.now() - startedAt) * perSecond) / 1000) - issued;
    for (let i = 0; i < due; i++) {
      const visitor = live[next++ % live.length] as Visitor;
      const p = visitor.readClaims();
      pending.add(p);
      void p.finally(() => pending.delete(p));
      issued++;
    }
    await sleep(5);
  }
  await Promise.race([Promise.all(pending), sleep(15_000)]);
}

async function handle(cmd: Command): Promise<Reply> {
  switch (cmd.kind) {
    case 'init': {
      ctx.genId = cmd.genId;
      ctx.localAddress = cmd.localAddress;
      const mint = await createTokenMinter(cmd.privateKeyPem, { issuer: cmd.issuer, audience: cmd.audience });
      ctx.mint = (claims) => mint(claims, 4 * 3600);
      return { kind: 'reply', id: cmd.id, ok: true };
    }
    case 'visitors':
      await connectVisitors(
        cmd.target,
        cmd.urls,
        cmd.people,
        cmd.concurrency,
        cmd.chat,
        cmd.perSecond,
        cmd.settled,
      );
      return { kind: 'reply', id: cmd.id, ok: true };
    case 'advisors': {
      const agents = cmd.advisors.map(
        (spec, i) => new Advisor(ctx, spec, cmd.target, cmd.urls[i % cmd.urls.length] as string),
      );
      advisors.push(...agents);
      const results = await Promise.all(agents.map((a) => a.connect(cmd.capacity)));
      const refused = results.filter((ok) => !ok).length;
      if (refused > 0) return { kind: 'reply', id: cmd.id, ok: false, error: `${refused} advisors refused` };
      return { kind: 'reply', id: cmd.id, ok: true };
    }
    case 'behaviour': {
      ctx.behaviour = cmd.behaviour;
      ctx.pacer.setRate(cmd.behaviour.kind === 'stream' ? cmd.behaviour.ratePerSecond : 0);
      for (const v of visitors) v.rejoin();
      for (const a of advisors) a.rejoin();
      return { kind: 'reply', id: cmd.id, ok: true, note: `${ctx.pacer.size} senders` };
    }
    case 'reset':
      ctx.metrics.reset();
      return { kind: 'reply', id: cmd.id, ok: true };
    case 'collect':
      return { kind: 'reply', id: cmd.id, ok: true, snapshot: ctx.metrics.snapshot(cmd.ledger) };
    case 'counters':
      return { kind: 'reply', id: cmd.id, ok: true, counters: { ...ctx.metrics.counters } };
    case 'close-chats':
      await Promise.all(visitors.map((v) => v.close()));
      return { kind: 'reply', id: cmd.id, ok: true };
    case 'disconnect': {
      if (cmd.who === 'visitors') {
        for (const v of visitors) v.disconnect();
        visitors = [];
      } else {
        for (const a of advisors) a.disconnect();
        advisors = [];
      }
      return { kind: 'reply', id: cmd.id, ok: true };
    }
    case 'claims-load':
      await claimsLoad(cmd.perSecond, cmd.durationMs);
      return { kind: 'reply', id: cmd.id, ok: true };
    case 'flood': {
      const report = await flood(ctx, cmd.url, cmd.person, cmd.perSecond, cmd.durationMs);
      return { kind: 'reply', id: cmd.id, ok: true, note: JSON.stringify(report) };
    }
    case 'exit':
      setImmediate(() => process.exit(0));
      return { kind: 'reply', id: cmd.id, ok: true };
  }
}

process.on('message', (cmd: Command) => {
  handle(cmd).then(send, (error: unknown) =>
    send({
      kind: 'reply',
      id: cmd.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
});
process.on('disconnect', () => process.exit(0));

setInterval(() => {
  send({ kind: 'progress', genId: ctx.genId, counters: { ...ctx.metrics.counters } });
}, 1000).unref();
