import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../lib/repo.ts';
import { type Histograms, mergeHistograms, newHistograms } from './histogram.ts';
import {
  type Command,
  type Counters,
  emptyCounters,
  type GeneratorMessage,
  type LedgerRow,
  type Reply,
  type Snapshot,
} from './ipc.ts';
import { withOpenFilesLimit } from './processes.ts';

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url));

type CommandBody = Command extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** Everything the generators saw in a phase, merged. */
export interface Merged {
  counters: Counters;
  histograms: Histograms;
  /** Acked messages no other side received, by direction; and the same seq delivered twice. */
  lostVA: number;
  lostAV: number;
  duplicated: number;
  completions: number[];
  errors: Record<string, number>;
}

interface Generator {
  child: ChildProcess;
  pending: Map<number, (reply: Reply) => void>;
  counters: Counters;
}

/** The forked load generators, each on a loopback address of its own (ephemeral ports go further). */
export class GeneratorPool {
  private nextId = 1;

  private constructor(private readonly generators: Generator[]) {}

  static async start(count: number, keys: { privateKeyPem: string; issuer: string; audience: string }) {
    const generators: Generator[] = [];
    for (let i = 0; i < count; i++) {
      const child = spawn(
        'bash',
        ['-c', withOpenFilesLimit(`exec "${process.execPath}" --import tsx "$0"`), GENERATOR],
        {
          cwd: fromRoot('scripts'),
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        },
      );
      const generator: Generator = { child, pending: new Map(), counters: emptyCounters() };
      child.on('message', (message: GeneratorMessage) => {
        if (message.kind === 'progress') generator.counters = message.counters;
        else {
          generator.pending.get(message.id)?.(message);
          generator.pending.delete(message.id);
        }
      });
      child.on('exit', (code, signal) => {
        for (const resolve of generator.pending.values())
          resolve({ kind: 'reply', id: 0, ok: false, error: `generator exited (${code ?? signal})` });
        generator.pending.clear();
      });
      generators.push(generator);
    }
    const pool = new GeneratorPool(generators);
    await pool.each((_, i) => ({ kind: 'init', genId: i, localAddress: `127.0.0.${10 + i}`, ...keys }));
    return pool;
  }

  get size(): number {
    return this.generators.length;
  }

  /** Counters as last reported by every generator, summed. */
  progress(): Counters {
    return sumCounters(this.generators.map((g) => g.counters));
  }

  private ask(generator: Generator, body: CommandBody): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      generator.pending.set(id, resolve);
      generator.child.send({ ...body, id } as Command);
    });
  }

  /** Sends each generator its own command (null: none), and waits for every answer. */
  async each(make: (generator: number, index: number) => CommandBody | null): Promise<Reply[]> {
    const replies = await Promise.all(
      this.generators.map((g, i) => {
        const body = make(i, i);
        return body ? this.ask(g, body) : Promise.resolve<Reply>({ kind: 'reply', id: 0, ok: true });
      }),
    );
    const failed = replies.find((r) => !r.ok);
    if (failed && !failed.ok) throw new Error(`generator: ${failed.error}`);
    return replies;
  }

  all(body: CommandBody): Promise<Reply[]> {
    return this.each(() => body);
  }

  /** Every generator's counters right now, summed. */
  async counters(): Promise<Counters> {
    const replies = await this.all({ kind: 'counters' });
    return sumCounters(replies.flatMap((r) => (r.ok && r.counters ? [r.counters] : [])));
  }

  /** Merges every generator's metrics; with `ledger`, counts lost and duplicated messages too. */
  async collect(ledger = true): Promise<Merged> {
    const replies = await this.all({ kind: 'collect', ledger });
    const snapshots = replies.flatMap((r) => (r.ok && r.snapshot ? [r.snapshot] : []));
    return merge(snapshots);
  }

  async stop(): Promise<void> {
    await Promise.race([this.all({ kind: 'exit' }).catch(() => []), new Promise((r) => setTimeout(r, 2000))]);
    for (const g of this.generators) if (g.child.exitCode === null) g.child.kill('SIGKILL');
  }

  pids(): number[] {
    return this.generators.flatMap((g) => (g.child.pid ? [g.child.pid] : []));
  }
}

export function sumCounters(all: Counters[]): Counters {
  const total = emptyCounters();
  for (const c of all) {
    for (const key of Object.keys(total) as (keyof Counters)[]) {
      total[key] =
        key === 'maxPosition' || key === 'lastDeliveryAt'
          ? Math.max(total[key], c[key])
          : total[key] + c[key];
    }
  }
  return total;
}

function merge(snapshots: Snapshot[]): Merged {
  const histograms = newHistograms();
  for (const s of snapshots) mergeHistograms(histograms, s.histograms);
  const byConversation = new Map<string, LedgerRow>();
  for (const s of snapshots) {
    for (const row of s.ledger) {
      const seen = byConversation.get(row[0]);
      if (!seen) byConversation.set(row[0], [...row]);
      else for (let i = 1; i < 6; i++) (seen[i] as number) += row[i] as number;
    }
  }
  let lostVA = 0;
  let lostAV = 0;
  let duplicated = 0;
  for (const [, visitorSent, advisorSent, advisorGot, visitorGot, dups] of byConversation.values()) {
    lostVA += Math.max(0, visitorSent - advisorGot);
    lostAV += Math.max(0, advisorSent - visitorGot);
    duplicated += dups;
  }
  return {
    counters: sumCounters(snapshots.map((s) => s.counters)),
    histograms,
    lostVA,
    lostAV,
    duplicated,
    completions: snapshots.flatMap((s) => s.completions).sort((a, b) => a - b),
    errors: snapshots.reduce<Record<string, number>>((all, s) => {
      for (const [what, n] of Object.entries(s.errors)) all[what] = (all[what] ?? 0) + n;
      return all;
    }, {}),
  };
}
