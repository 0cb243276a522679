import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  at: number;
  /** Resident memory, bytes. */
  rss: number;
  /** User + system CPU time since the process started, seconds. */
  cpuSeconds: number;
}

/** Reads `/proc/<pid>/stat` and `/proc/<pid>/status`; null once the process is gone. */
export function sampleProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces, start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: Date.now(), rss: rssKb * 1024, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** The whole machine's busy share, from /proc/stat: [busy ticks, all ticks]. */
function machineTicks(): [number, number] {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const all = values.reduce((a, b) => a + b, 0);
  return [all - idle, all];
}

export interface Usage {
  /** Mean CPU over the window, percent of one core. */
  cpuPercent: number;
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
}

/**
 * Samples a set of processes every half second between `start()` and `stop()`: CPU over the window
 * and RSS at its start, end and peak, per named group (a group's processes are added up).
 */
export class UsageSampler {
  private timer: NodeJS.Timeout | undefined;
  private first = new Map<string, ProcSample>();
  private last = new Map<string, ProcSample>();
  private peak = new Map<string, number>();
  private machineStart: [number, number] = [0, 0];
  private startedAt = 0;

  constructor(private readonly groups: () => Record<string, number[]>) {}

  private sampleGroups(): Map<string, ProcSample> {
    const out = new Map<string, ProcSample>();
    for (const [name, pids] of Object.entries(this.groups())) {
      const samples = pids.map(sampleProc).filter((s): s is ProcSample => s !== null);
      if (samples.length === 0) continue;
      out.set(name, {
        at: Date.now(),
        rss: samples.reduce((a, s) => a + s.rss, 0),
        cpuSeconds: samples.reduce((a, s) => a + s.cpuSeconds, 0),
      });
    }
    return out;
  }

  /** RSS of a group right now, bytes. */
  rssNow(group: string): number {
    return this.sampleGroups().get(group)?.rss ?? 0;
  }

  start(): void {
    this.first = this.sampleGroups();
    this.last = this.first;
    this.peak = new Map([...this.first].map(([k, s]) => [k, s.rss]));
    this.machineStart = machineTicks();
    this.startedAt = Date.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 500);
  }

  private tick(): void {
    this.last = this.sampleGroups();
    for (const [name, s] of this.last) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, s.rss));
  }

  /** Ends the window: usage per group, and the machine's busy share (percent of all cores). */
  stop(): { groups: Record<string, Usage>; machineBusyPercent: number; seconds: number } {
    clearInterval(this.timer);
    this.tick();
    const seconds = Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const groups: Record<string, Usage> = {};
    for (const [name, end] of this.last) {
      const start = this.first.get(name) ?? end;
      groups[name] = {
        cpuPercent: ((end.cpuSeconds - start.cpuSeconds) / seconds) * 100,
        rssStart: start.rss,
        rssEnd: end.rss,
        rssPeak: this.peak.get(name) ?? end.rss,
      };
    }
    const [busyEnd, allEnd] = machineTicks();
    const [busyStart, allStart] = this.machineStart;
    const machineBusyPercent = allEnd > allStart ? ((busyEnd - busyStart) / (allEnd - allStart)) * 100 : 0;
    return { groups, machineBusyPercent, seconds };
  }
}
