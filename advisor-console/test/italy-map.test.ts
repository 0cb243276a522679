import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVINCES, REGIONS } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import italyMap from '../src/supervisor/rollout/italy-map.json';

interface Shape {
  d: string;
  box: number[];
  region?: string;
}

const map: {
  source: string;
  viewBox: string;
  regions: Record<string, Shape>;
  provinces: Record<string, Shape>;
} = italyMap;
const FILE = fileURLToPath(new URL('../src/supervisor/rollout/italy-map.json', import.meta.url));
const [minX, minY, width, height] = map.viewBox.split(' ').map(Number) as [number, number, number, number];

/**
 * The absolute points of a path made of M/m, L/l and Z/z only (what the build script writes), or the
 * reason it is not one.
 */
function points(d: string): [number, number][] | string {
  if (!/^M/.test(d)) return 'does not start with M';
  const commands = d.match(/[MmLlZz][^MmLlZz]*/g) ?? [];
  if (commands.join('') !== d) return 'holds commands other than M, L and Z';
  const out: [number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  for (const part of commands) {
    const letter = part[0]!;
    const numbers = (part.slice(1).match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (numbers.length % 2 !== 0) return `odd number of coordinates after ${letter}`;
    if (letter === 'Z' || letter === 'z') {
      if (numbers.length > 0) return 'numbers after Z';
      [x, y] = [startX, startY];
      continue;
    }
    command = letter;
    for (let i = 0; i < numbers.length; i += 2) {
      const relative = command === 'm' || command === 'l';
      x = relative ? x + numbers[i]! : numbers[i]!;
      y = relative ? y + numbers[i + 1]! : numbers[i + 1]!;
      if (i === 0 && (command === 'M' || command === 'm')) [startX, startY] = [x, y];
      out.push([x, y]);
    }
  }
  return out;
}

function inside([x, y]: [number, number]): boolean {
  return x >= minX && y >= minY && x <= minX + width && y <= minY + height;
}

describe('the rollout map’s data', () => {
  it('has a shape, in the right region, for every province of the table, and no other', () => {
    for (const province of PROVINCES) {
      const shape = map.provinces[province.sigla];
      expect(shape, province.sigla).toBeDefined();
      expect(shape?.d.length, province.sigla).toBeGreaterThan(0);
      expect(shape?.region, province.sigla).toBe(province.regionIstat);
    }
    expect(Object.keys(map.provinces).sort()).toEqual(PROVINCES.map((p) => p.sigla).sort());
  });

  it('has a shape for every region, and exactly the table’s provinces in each', () => {
    for (const region of REGIONS) {
      expect(map.regions[region.istat]?.d.length, region.istat).toBeGreaterThan(0);
      const inMap = Object.entries(map.provinces)
        .filter(([, shape]) => shape.region === region.istat)
        .map(([sigla]) => sigla)
        .sort();
      const inTable = PROVINCES.filter((p) => p.regionIstat === region.istat)
        .map((p) => p.sigla)
        .sort();
      expect(inMap.length, region.istat).toBeGreaterThan(0);
      expect(inMap, region.istat).toEqual(inTable);
    }
    expect(Object.keys(map.regions).sort()).toEqual(REGIONS.map((r) => r.istat).sort());
  });

  it('draws every shape as a closed path inside the view box, boxed by its box', () => {
    const shapes = [...Object.entries(map.regions), ...Object.entries(map.provinces)];
    for (const [key, shape] of shapes) {
      const found = points(shape.d);
      if (typeof found === 'string') throw new Error(`${key}: ${found}`);
      expect(found.length, key).toBeGreaterThanOrEqual(3);
      expect(
        found.filter((p) => !inside(p)),
        key,
      ).toEqual([]);
      expect(shape.d.endsWith('z') || shape.d.endsWith('Z'), key).toBe(true);
      const [x, y, w, h] = shape.box as [number, number, number, number];
      expect(w, key).toBeGreaterThan(0);
      expect(h, key).toBeGreaterThan(0);
      // Rounding to a tenth may put a point a hair outside the box.
      const slack = 0.2;
      const outsideBox = found.filter(
        ([px, py]) => px < x - slack || px > x + w + slack || py < y - slack || py > y + h + slack,
      );
      expect(outsideBox, key).toEqual([]);
    }
  });

  it('puts each province inside its region’s box', () => {
    for (const province of PROVINCES) {
      const [rx, ry, rw, rh] = map.regions[province.regionIstat]!.box as [number, number, number, number];
      const [x, y, w, h] = map.provinces[province.sigla]!.box as [number, number, number, number];
      const fits = x >= rx - 0.2 && y >= ry - 0.2 && x + w <= rx + rw + 0.2 && y + h <= ry + rh + 0.2;
      expect(fits, province.sigla).toBe(true);
    }
  });

  it('names its source and stays small enough to ship', () => {
    expect(map.source).toMatch(/Natural Earth/);
    expect(statSync(FILE).size).toBeLessThan(200 * 1024);
  });
});
