import type { Percentiles } from './histogram.ts';
import type { ScenarioResult } from './result.ts';

const int = (n: number) => Math.round(n).toLocaleString('en');
const msf = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** The labels every scenario prints, in order (the smoke test looks for each). */
export const FIGURE_LABELS = [
  'connections held',
  'chats per hour',
  'messages per second',
  'delivery visitor→advisor',
  'delivery advisor→visitor',
  'assignment p99',
  'claim-status answer p99',
  'lost messages',
  'duplicated messages',
  'server RSS',
  'server CPU',
] as const;

function spread(p: Percentiles | null): string {
  if (!p) return 'n/a (no messages)';
  return `p50 ${msf(p.p50)} ms · p95 ${msf(p.p95)} ms · p99 ${msf(p.p99)} ms (max ${msf(p.max)} ms, n=${int(p.count)})`;
}

const line = (label: string, value: string) => `  ${`${label}:`.padEnd(50)}${value}`;

export function formatScenario(r: ScenarioResult): string {
  const res = r.resources;
  const rows = [
    `── ${r.title} ${'─'.repeat(Math.max(3, 70 - r.title.length))}`,
    line('connections held', int(r.connections)),
    line('chats per hour', r.chatsPerHour === null ? 'n/a' : int(r.chatsPerHour)),
    line('messages per second', r.messagesPerSecond === null ? 'n/a' : int(r.messagesPerSecond)),
    line('delivery visitor→advisor', spread(r.deliveryVA)),
    line('delivery advisor→visitor', spread(r.deliveryAV)),
    line(
      'assignment p99',
      r.assignment
        ? `${msf(r.assignment.p99)} ms (p50 ${msf(r.assignment.p50)} ms)`
        : 'n/a (no chats assigned)',
    ),
    line(
      'claim-status answer p99',
      r.statusAnswer
        ? `${msf(r.statusAnswer.p99)} ms (p50 ${msf(r.statusAnswer.p50)} ms, n=${int(r.statusAnswer.count)})`
        : 'n/a (no claims asked)',
    ),
    line('lost messages', int(r.lost)),
    line('duplicated messages', int(r.duplicated)),
    line('server RSS', `${int(res.serverRssMb)} MB (peak ${int(res.serverRssPeakMb)} MB)`),
    line(
      'server CPU',
      `${int(res.serverCpuPercent)}% of one core (Redis ${res.redisCpuPercent === null ? 'n/a' : `${int(res.redisCpuPercent)}%`}, generators ${int(res.generatorsCpuPercent)}%, everything else ${int(res.othersCpuPercent)}%)`,
    ),
    ...r.extra.map(([label, value]) => line(label, value)),
  ];
  return rows.join('\n');
}

const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);
const times = (x: number) => (Number.isFinite(x) ? `×${x.toFixed(2)}` : 'n/a');
const share = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');

/** infocig against the bare relay, measured in the same run. */
export function formatCeiling(results: Map<string, ScenarioResult>): string[] {
  const out = ['── the ceiling: infocig against a bare Socket.IO relay, same machine, same generators ─────'];
  const a = results.get('a');
  const ar = results.get('a-relay');
  if (a && ar) {
    const mi = a.numbers.memoryPerConnectionKb ?? Number.NaN;
    const mr = ar.numbers.memoryPerConnectionKb ?? Number.NaN;
    out.push(
      line(
        'memory per idle connection',
        `infocig ${mi.toFixed(1)} KB, relay ${mr.toFixed(1)} KB → ${times(ratio(mi, mr))} (RSS after a full GC)`,
      ),
    );
    const hi = a.numbers.heapPerConnectionKb ?? Number.NaN;
    const hr = ar.numbers.heapPerConnectionKb ?? Number.NaN;
    out.push(
      line(
        'V8 heap per idle connection',
        `infocig ${hi.toFixed(1)} KB, relay ${hr.toFixed(1)} KB → ${times(ratio(hi, hr))}`,
      ),
    );
    out.push(line('idle connections held', `infocig ${int(a.connections)}, relay ${int(ar.connections)}`));
  }
  const b = results.get('b');
  const br = results.get('b-relay');
  if (b && br) {
    const rate = int(b.numbers.rate ?? 0);
    for (const [name, pick] of [
      ['p50', (p: Percentiles | null) => p?.p50],
      ['p99', (p: Percentiles | null) => p?.p99],
    ] as const) {
      const vi = Math.max(pick(b.deliveryVA) ?? Number.NaN, pick(b.deliveryAV) ?? Number.NaN);
      const vr = Math.max(pick(br.deliveryVA) ?? Number.NaN, pick(br.deliveryAV) ?? Number.NaN);
      out.push(
        line(
          `${name} delivery at ${rate} msg/s`,
          `infocig ${msf(vi)} ms, relay ${msf(vr)} ms → ${times(ratio(vi, vr))}`,
        ),
      );
    }
    out.push(
      line(
        `server CPU at ${rate} msg/s`,
        `infocig ${int(b.resources.serverCpuPercent)}%, relay ${int(br.resources.serverCpuPercent)}% → ${times(ratio(b.resources.serverCpuPercent, br.resources.serverCpuPercent))}`,
      ),
    );
    const ci = b.numbers.cpuMicrosPerMessage ?? Number.NaN;
    const cr = br.numbers.cpuMicrosPerMessage ?? Number.NaN;
    out.push(
      line(
        'server CPU per delivered message',
        `infocig ${int(ci)} µs, relay ${int(cr)} µs → ${times(ratio(ci, cr))}`,
      ),
    );
  }
  const s = results.get('b-sweep');
  const sr = results.get('b-sweep-relay');
  if (s && sr) {
    const ti = s.numbers.throughput ?? 0;
    const tr = sr.numbers.throughput ?? 0;
    out.push(
      line(
        'throughput at p99 ≤ 50 ms',
        `infocig ${int(ti)} msg/s, relay ${int(tr)} msg/s → ${share(ratio(ti, tr))} of the relay`,
      ),
    );
  }
  return out;
}

interface Target {
  what: string;
  measured: string;
  met: boolean | null;
}

/** The issue's targets for one server process on this machine, against what was measured. */
export function formatTargets(results: Map<string, ScenarioResult>, openFiles: number): string[] {
  const targets: Target[] = [];
  const a = results.get('a');
  if (a) {
    const kb = a.numbers.memoryPerConnectionKb ?? Number.NaN;
    targets.push({
      what: '50,000 idle authenticated visitors, ≤ 40 KB each',
      measured: `${int(a.connections)} held (open-files limit ${int(openFiles)}), ${kb.toFixed(1)} KB each (RSS after GC; heap ${(a.numbers.heapPerConnectionKb ?? Number.NaN).toFixed(1)} KB)`,
      met: a.connections >= 50_000 && kb <= 40 ? true : a.connections < 50_000 && kb <= 40 ? null : false,
    });
  }
  const b = results.get('b');
  if (b) {
    const p99 = b.numbers.p99 ?? Number.NaN;
    targets.push({
      what: 'p99 delivery ≤ 10 ms at 5,000 msg/s, persisted',
      measured: `${msf(p99)} ms at ${int(b.numbers.rate ?? 0)} msg/s offered (${int(b.messagesPerSecond ?? 0)} delivered/s)`,
      met: (b.numbers.rate ?? 0) >= 5000 ? p99 <= 10 : null,
    });
  }
  const s = results.get('b-sweep');
  const sr = results.get('b-sweep-relay');
  if (s && sr) {
    const part = ratio(s.numbers.throughput ?? 0, sr.numbers.throughput ?? 0);
    targets.push({
      what: 'throughput at p99 ≤ 50 ms ≥ 70% of the bare relay',
      measured: `${share(part)} (${int(s.numbers.throughput ?? 0)} vs ${int(sr.numbers.throughput ?? 0)} msg/s)`,
      met: Number.isFinite(part) ? part >= 0.7 : null,
    });
  }
  const t = results.get('b-turnover');
  if (t) {
    const p99 = t.numbers.assignmentP99 ?? Number.NaN;
    targets.push({
      what: 'p99 assignment ≤ 20 ms while capacity is free',
      measured: `${msf(p99)} ms`,
      met: p99 <= 20,
    });
    targets.push({
      what: '200,000 chats/hour sustained, 10 messages each',
      measured: `${int(t.chatsPerHour ?? 0)} chats/h`,
      met: (t.numbers.offeredChatsPerHour ?? 0) >= 200_000 ? (t.chatsPerHour ?? 0) >= 200_000 * 0.98 : null,
    });
  }
  const d = results.get('d');
  if (d) {
    const p99 = d.numbers.claimsP99 ?? Number.NaN;
    const rows = d.numbers.paymentRequests ?? 0;
    targets.push({
      what: 'p99 claim-status answer ≤ 10 ms on 1M claims in PostgreSQL',
      measured: `${msf(p99)} ms on ${int(rows)} payment requests`,
      met: rows >= 1_000_000 ? p99 <= 10 : null,
    });
  }
  const f = results.get('f');
  if (f) {
    const rate = f.numbers.connectsPerSecond ?? 0;
    const p99 = f.numbers.claimsAtConnectP99 ?? Number.NaN;
    targets.push({
      what: '1,000 visitor connects/s, claims at connect p99 ≤ 50 ms',
      measured: `${int(rate)} connects/s served in full, claims at connect p99 ${msf(p99)} ms`,
      met: rate >= 900 && p99 <= 50,
    });
  }
  return [
    '── targets: one server process on this 2-core machine, load generators included ─────────',
    ...targets.map(
      (x) =>
        `  ${x.met === true ? 'met    ' : x.met === false ? 'MISSED ' : 'n/a    '} ${x.what.padEnd(58)} ${x.measured}`,
    ),
  ];
}

/** A Markdown table of the run, for the README's Performance section. */
export function markdown(results: ScenarioResult[]): string {
  const cell = (p: Percentiles | null) => (p ? `${msf(p.p50)} / ${msf(p.p95)} / ${msf(p.p99)}` : '–');
  const rows = results.map(
    (r) =>
      `| ${r.title} | ${int(r.connections)} | ${r.chatsPerHour ? int(r.chatsPerHour) : '–'} | ${r.messagesPerSecond ? int(r.messagesPerSecond) : '–'} | ${cell(r.deliveryVA)} | ${cell(r.deliveryAV)} | ${r.assignment ? msf(r.assignment.p99) : '–'} | ${r.statusAnswer ? msf(r.statusAnswer.p99) : '–'} | ${r.lost} / ${r.duplicated} | ${int(r.resources.serverRssPeakMb)} MB | ${int(r.resources.serverCpuPercent)}% |`,
  );
  return [
    '| scenario | connections | chats/h | msg/s | v→a p50/p95/p99 ms | a→v p50/p95/p99 ms | assign p99 ms | claims p99 ms | lost / dup | server RSS peak | server CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
