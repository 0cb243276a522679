import type { GeneratorPool } from './generator-pool.ts';
import { sampleProc } from './proc-stats.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** Prints a line every few seconds while a phase runs: what it is doing and how far it got. */
export class Progress {
  private timer: NodeJS.Timeout | undefined;
  private phaseName = '';
  private phaseStarted = 0;
  private lastSent = 0;
  private lastAt = 0;
  private lastCpu = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly pool: () => GeneratorPool | undefined,
    private readonly serverPids: () => number[],
    private readonly everyMs: number,
  ) {}

  log(line: string): void {
    const t = ((Date.now() - this.startedAt) / 1000).toFixed(1).padStart(6);
    console.log(`[${t}s] ${line}`);
  }

  phase(name: string): void {
    this.phaseName = name;
    this.phaseStarted = Date.now();
    this.lastAt = 0;
    this.log(`▶ ${name}`);
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.everyMs);
  }

  done(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const pool = this.pool();
    if (!pool) return;
    const c = pool.progress();
    const at = Date.now();
    const cpu = this.serverPids().reduce((a, pid) => a + (sampleProc(pid)?.cpuSeconds ?? 0), 0);
    const rss = this.serverPids().reduce((a, pid) => a + (sampleProc(pid)?.rss ?? 0), 0);
    const seconds = (at - this.lastAt) / 1000;
    const rate = this.lastAt ? (c.messagesSent - this.lastSent) / seconds : 0;
    const cpuPercent = this.lastAt ? ((cpu - this.lastCpu) / seconds) * 100 : 0;
    this.lastAt = at;
    this.lastSent = c.messagesSent;
    this.lastCpu = cpu;
    const elapsed = Math.round((at - this.phaseStarted) / 1000);
    this.log(
      `  ${this.phaseName} +${elapsed}s · visitors ${fmt(c.visitorsConnected)} advisors ${fmt(c.advisorsConnected)}` +
        ` · chats assigned ${fmt(c.chatsAssigned)} done ${fmt(c.chatsCompleted)}` +
        ` · msgs ${fmt(c.messagesSent)} (${fmt(rate)}/s) in flight ${fmt(c.inflight)}` +
        ` · server ${fmt(cpuPercent)}% cpu ${fmt(rss / 1048576)} MB`,
    );
  }
}
