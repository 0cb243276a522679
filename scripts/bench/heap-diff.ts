/**
 * What each held connection costs, by kind of object: compares two heap snapshots of one server
 * (`pnpm bench --scenarios a --heap-snapshots DIR` writes `infocig-before` and `infocig-held`) and
 * prints the growth per connection, largest first. Functions are named with where they are defined,
 * so a closure kept per socket points at its line.
 *   node --import tsx scripts/bench/heap-diff.ts BEFORE HELD CONNECTIONS [ROWS]
 */
import { existsSync, readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; location_fields: string[] } };
  nodes: number[];
  strings: string[];
  locations: number[];
}

interface Tally {
  count: number;
  bytes: number;
}

/** Count and self size of the snapshot's nodes, grouped by what they are. */
export function tally(file: string): Map<string, Tally> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const scripts: Record<string, string> = existsSync(`${file}.scripts.json`)
    ? JSON.parse(readFileSync(`${file}.scripts.json`, 'utf8'))
    : {};
  const fields = data.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const types = data.snapshot.meta.node_types[0];
  const where = placesOfFunctions(data, scripts);
  const groups = new Map<string, Tally>();
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt] as number] ?? '?';
    const name = data.strings[data.nodes[i + nameAt] as number] ?? '';
    const group = groupOf(type, name, where.get(i));
    const entry = groups.get(group) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += data.nodes[i + sizeAt] as number;
    groups.set(group, entry);
  }
  return groups;
}

function placesOfFunctions(data: Snapshot, scripts: Record<string, string>): Map<number, string> {
  const fields = data.snapshot.meta.location_fields;
  const width = fields.length;
  const [objectAt, scriptAt, lineAt] = ['object_index', 'script_id', 'line'].map((f) =>
    fields.indexOf(f),
  ) as [number, number, number];
  const places = new Map<number, string>();
  for (let i = 0; i < data.locations.length; i += width) {
    const script = scripts[String(data.locations[i + scriptAt])] ?? `script ${data.locations[i + scriptAt]}`;
    const short = script.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/\.pnpm\/[^/]+\/)?/, '');
    places.set(
      data.locations[i + objectAt] as number,
      `${short}:${(data.locations[i + lineAt] as number) + 1}`,
    );
  }
  return places;
}

function groupOf(type: string, name: string, place: string | undefined): string {
  if (type === 'closure') return `closure ${name || '(anonymous)'} ${place ?? ''}`.trim();
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return type;
  if (type === 'object' || type === 'native') return `${type} ${name}`;
  if (type === 'array' || type === 'hidden' || type === 'code' || type === 'object shape')
    return `${type} ${name.length > 40 ? `${name.slice(0, 40)}…` : name}`;
  return type;
}

/** Growth from one snapshot's tally to another's, per item held (connections), largest first. */
export function growthPer(before: Map<string, Tally>, after: Map<string, Tally>, items: number) {
  return [...after.entries()]
    .map(([group, t]) => {
      const was = before.get(group) ?? { count: 0, bytes: 0 };
      return { group, count: (t.count - was.count) / items, bytes: (t.bytes - was.bytes) / items };
    })
    .sort((x, y) => y.bytes - x.bytes);
}

function main(): void {
  const [before, held, connections, rows = '40'] = process.argv.slice(2);
  if (!before || !held || !connections) {
    console.error('usage: node --import tsx scripts/bench/heap-diff.ts BEFORE HELD CONNECTIONS [ROWS]');
    process.exit(2);
  }
  const n = Number(connections);
  const growth = growthPer(tally(before), tally(held), n);
  const total = growth.reduce((sum, g) => sum + g.bytes, 0);
  console.log(`heap growth per connection: ${(total / 1024).toFixed(2)} KB over ${n} connections`);
  console.log('   bytes  objects  what');
  for (const g of growth.slice(0, Number(rows))) {
    console.log(`${g.bytes.toFixed(0).padStart(8)} ${g.count.toFixed(2).padStart(8)}  ${g.group}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
