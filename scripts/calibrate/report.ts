/**
 * Coverage of the 80% window (with a cluster bootstrap interval), how wide it is and its interval
 * score, by regime, stage, office and confidence label, for the model and each baseline; as text,
 * as CSV, and as an SVG plot of coverage against the nominal 80%.
 */

import { isoFromDay } from '../../server/src/timing/calendar.ts';
import type { ModelName, Outcome } from './evaluate.ts';
import { Rng } from './random.ts';
import { OFFICES, SLOW_OFFICE } from './world.ts';

export const NOMINAL = 0.8;
export const BAND: readonly [number, number] = [0.75, 0.85];
/** Winkler interval score for the central 80%: width, plus 2/α times the distance outside. */
const ALPHA = 0.2;

export interface Row {
  model: ModelName;
  dimension: string;
  group: string;
  n: number;
  coverage: number;
  low: number;
  high: number;
  /** Paid before the window opened / after it closed. */
  early: number;
  late: number;
  /** Days in the window (both ends counted). */
  width: number;
  score: number;
  /** The share the group's windows say they hold, on average; null when none says one. */
  promised: number | null;
}

type Dimension = [name: string, key: (o: Outcome, model: ModelName) => string | null];

const officeName = (code: string) => {
  const name = OFFICES.find((o) => o.code === code)?.name ?? code;
  return code === SLOW_OFFICE ? `${name} (0.4x)` : name;
};

export const DIMENSIONS: Dimension[] = [
  ['all', () => 'all'],
  ['cell', (o) => `${o.scenario}/${isoFromDay(o.asOf)} ${o.regime}`],
  ['regime', (o) => o.regime],
  ['stage', (o) => o.stage],
  ['office', (o) => officeName(o.office)],
  ['slow office', (o) => (o.slowOffice ? o.regime : null)],
  ['confidence', (o, m) => o.windows[m].label],
  ['basis', (o, m) => o.windows[m].basis],
  ['scenario', (o) => `${o.scenario}/${o.regime}`],
];

export function summarise(
  outcomes: readonly Outcome[],
  models: readonly ModelName[],
  resamples = 300,
): Row[] {
  const rng = new Rng(20_160);
  const rows: Row[] = [];
  for (const model of models) {
    for (const [dimension, key] of DIMENSIONS) {
      const groups = new Map<string, Outcome[]>();
      for (const o of outcomes) {
        const k = key(o, model);
        if (k === null) continue;
        let list = groups.get(k);
        if (!list) {
          list = [];
          groups.set(k, list);
        }
        list.push(o);
      }
      for (const [group, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push(measure(model, dimension, group, list, rng, resamples));
      }
    }
  }
  return rows;
}

function measure(
  model: ModelName,
  dimension: string,
  group: string,
  list: Outcome[],
  rng: Rng,
  resamples: number,
): Row {
  let inside = 0;
  let early = 0;
  let late = 0;
  let width = 0;
  let score = 0;
  let promising = 0;
  let promisedSum = 0;
  const clusters = new Map<string, [number, number]>();
  for (const o of list) {
    const w = o.windows[model];
    const promise = w.promise === undefined ? NOMINAL : w.promise;
    if (promise !== null) {
      promising++;
      promisedSum += promise;
    }
    const days = w.to - w.from + 1;
    const isEarly = o.paid < w.from;
    const isLate = o.paid > w.to;
    width += days;
    score +=
      days + (isEarly ? (2 / ALPHA) * (w.from - o.paid) : 0) + (isLate ? (2 / ALPHA) * (o.paid - w.to) : 0);
    if (isEarly) early++;
    else if (isLate) late++;
    else inside++;
    const c = clusters.get(o.cluster) ?? [0, 0];
    c[0] += isEarly || isLate ? 0 : 1;
    c[1] += 1;
    clusters.set(o.cluster, c);
  }
  const n = list.length;
  const [low, high] = bootstrap([...clusters.values()], rng, resamples);
  return {
    model,
    dimension,
    group,
    n,
    coverage: inside / n,
    low,
    high,
    early: early / n,
    late: late / n,
    width: width / n,
    score: score / n,
    promised: promising > 0 ? promisedSum / promising : null,
  };
}

/** 95% percentile interval of the coverage, resampling whole clusters (an application's month). */
function bootstrap(clusters: readonly [number, number][], rng: Rng, resamples: number): [number, number] {
  const k = clusters.length;
  const stats: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let inside = 0;
    let n = 0;
    for (let i = 0; i < k; i++) {
      const c = clusters[Math.floor(rng.next() * k)]!;
      inside += c[0];
      n += c[1];
    }
    stats.push(inside / n);
  }
  stats.sort((a, b) => a - b);
  return [stats[Math.floor(0.025 * (resamples - 1))]!, stats[Math.ceil(0.975 * (resamples - 1))]!];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`;
/**
 * Whether a group keeps what its windows say: coverage within 5 points of the share promised
 * (75–85% for the 80% windows); a group that promises no share keeps nothing to be measured.
 */
export const keepsPromise = (r: Pick<Row, 'coverage' | 'promised'>) =>
  r.promised === null ||
  (r.coverage >= r.promised - (NOMINAL - BAND[0]) - 1e-9 &&
    r.coverage <= r.promised + (BAND[1] - NOMINAL) + 1e-9);

/**
 * The model's rows, every dimension, one line each, with the share its windows promise (80, or 90
 * where whole days make a window hold more; "none" for rough guides); `!` marks a coverage more
 * than 5 points from it.
 */
export function modelTable(rows: readonly Row[], model: ModelName, dimensions?: readonly string[]): string {
  const lines = [
    `${'dimension'.padEnd(12)} ${'group'.padEnd(30)} ${'n'.padStart(7)} ${'promised'.padStart(8)}  ${'coverage [95% CI]'.padEnd(20)} ${'early'.padStart(5)} ${'late'.padStart(5)} ${'width'.padStart(6)} ${'score'.padStart(6)}`,
  ];
  for (const r of rows) {
    if (r.model !== model || (dimensions && !dimensions.includes(r.dimension))) continue;
    const flag = keepsPromise(r) ? ' ' : '!';
    const promised = r.promised === null ? 'none' : pct(r.promised);
    lines.push(
      `${r.dimension.padEnd(12)} ${r.group.padEnd(30)} ${String(r.n).padStart(7)} ${promised.padStart(8)} ${flag}${pct(r.coverage).padStart(5)} [${pct(r.low)}–${pct(r.high)}]`.padEnd(
        82,
      ) +
        ` ${pct(r.early).padStart(5)} ${pct(r.late).padStart(5)} ${r.width.toFixed(1).padStart(6)} ${r.score.toFixed(1).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

/** Every model side by side: coverage % / mean width / mean interval score, for the chosen dimensions. */
export function comparisonTable(
  rows: readonly Row[],
  models: readonly ModelName[],
  dimensions: readonly string[],
): string {
  const groups = [
    ...new Set(rows.filter((r) => dimensions.includes(r.dimension)).map((r) => `${r.dimension}\t${r.group}`)),
  ];
  const cell = 22;
  const lines = [
    `${''.padEnd(34)}${models.map((m) => m.padStart(cell)).join('')}`,
    `${''.padEnd(34)}${models.map(() => 'cov% / width / score'.padStart(cell)).join('')}`,
  ];
  for (const g of groups) {
    const [dimension, group] = g.split('\t') as [string, string];
    const cells = models.map((m) => {
      const r = rows.find((x) => x.model === m && x.dimension === dimension && x.group === group);
      if (!r) return ''.padStart(cell);
      return `${keepsPromise(r) ? ' ' : '!'}${pct(r.coverage)} / ${r.width.toFixed(0)} / ${r.score.toFixed(0)}`.padStart(
        cell,
      );
    });
    lines.push(`${`${dimension}: ${group}`.padEnd(34)}${cells.join('')}`);
  }
  return lines.join('\n');
}

export function csv(rows: readonly Row[]): string {
  const head =
    'model,dimension,group,n,promised,coverage,ci_low,ci_high,early,late,mean_width_days,mean_interval_score';
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [
    head,
    ...rows.map((r) =>
      [
        r.model,
        r.dimension,
        q(r.group),
        r.n,
        r.promised === null ? '' : r.promised.toFixed(4),
        r.coverage.toFixed(4),
        r.low.toFixed(4),
        r.high.toFixed(4),
        r.early.toFixed(4),
        r.late.toFixed(4),
        r.width.toFixed(2),
        r.score.toFixed(2),
      ].join(','),
    ),
  ].join('\n');
}

const COLOURS: Record<string, string> = {
  model: '#0b6e4f',
  v1: '#c0392b',
  empirical: '#8e44ad',
  published: '#d68910',
  fixed40: '#7f8c8d',
  'weeks8-9': '#2e86c1',
};
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Coverage against the nominal 80% (the 75–85% band shaded): one row per group of each chosen
 * dimension, one dot and 95% interval per model.
 */
export function svg(
  rows: readonly Row[],
  models: readonly ModelName[],
  dimensions: readonly string[],
  title: string,
): string {
  const left = 250;
  const plotWidth = 560;
  const rowHeight = 16 + models.length * 7;
  const x = (c: number) => left + c * plotWidth;
  const body: string[] = [];
  let y = 60;
  for (const dimension of dimensions) {
    const groups = [...new Set(rows.filter((r) => r.dimension === dimension).map((r) => r.group))];
    body.push(`<text x="10" y="${y + 12}" font-weight="bold">${esc(dimension)}</text>`);
    y += 18;
    for (const group of groups) {
      body.push(`<text x="${left - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${esc(group)}</text>`);
      models.forEach((m, i) => {
        const r = rows.find((x) => x.model === m && x.dimension === dimension && x.group === group);
        if (!r) return;
        const cy = y + 8 + i * 7;
        body.push(
          `<line x1="${x(r.low).toFixed(1)}" x2="${x(r.high).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${COLOURS[m]}" stroke-width="1.5"/>`,
          `<circle cx="${x(r.coverage).toFixed(1)}" cy="${cy}" r="3" fill="${COLOURS[m]}"><title>${esc(`${m} ${dimension} ${group}: ${pct(r.coverage)}% (n=${r.n}, width ${r.width.toFixed(1)} d, score ${r.score.toFixed(1)})`)}</title></circle>`,
        );
      });
      y += rowHeight;
      body.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y - 2}" y2="${y - 2}" stroke="#eee"/>`);
    }
    y += 8;
  }
  const height = y + 40;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="50" y2="${y}" stroke="#ddd"/><text x="${x(t)}" y="${y + 16}" text-anchor="middle">${t * 100}%</text>`,
    )
    .join('');
  const legend = models
    .map(
      (m, i) =>
        `<circle cx="${left + i * 95}" cy="36" r="4" fill="${COLOURS[m]}"/><text x="${left + 8 + i * 95}" y="40">${esc(m)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + plotWidth + 30}" height="${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="18" font-size="14" font-weight="bold">${esc(title)}</text>
<rect x="${x(BAND[0])}" y="50" width="${x(BAND[1]) - x(BAND[0])}" height="${y - 50}" fill="#d5f5e3"/>
${ticks}
<line x1="${x(NOMINAL)}" x2="${x(NOMINAL)}" y1="50" y2="${y}" stroke="#0b6e4f" stroke-dasharray="4 3"/>
${legend}
${body.join('\n')}
</svg>
`;
}
