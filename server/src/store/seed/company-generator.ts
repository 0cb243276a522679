import type { Province } from '@infocig/shared';
import type { CoveredWorker, PositionInfo } from './application-writer.ts';
import type { SeedContext } from './context.ts';
import { officeFor, populationWeightedProvince, residenceNear } from './geography.ts';
import { WeightedTable } from './random.ts';
import { SECTOR_PROFILES } from './sector-profiles.ts';
import { SECTORS, type Sector, type WorkerRow } from './tables.ts';

export interface CompanySpec {
  cf?: string;
  name?: string;
  seat?: Province;
  sector?: Sector;
  /** Workers, spread over the positions. */
  size?: number;
  /** Where each INPS position's workplace is; one position per entry. */
  positionProvinces?: readonly Province[];
  /** The INPS office of every position (a demo office whose staff persona works its referrals). */
  officeCode?: string;
}

export interface GeneratedPosition extends PositionInfo {
  province: Province;
  workers: CoveredWorker[];
}

export interface GeneratedCompany {
  cf: string;
  name: string;
  seat: Province;
  sector: Sector;
  size: number;
  positions: GeneratedPosition[];
}

const SECTOR_TABLE = new WeightedTable(
  SECTORS.map((sector) => [sector, SECTOR_PROFILES[sector].weight] as const),
);

/** Most companies are small; a few large ones employ many of the workers. */
const SIZE_BANDS = new WeightedTable([
  [[2, 9], 62],
  [[10, 49], 28],
  [[50, 249], 8.5],
  [[250, 1_200], 1.5],
] as const);

/** A company size drawn from SIZE_BANDS, never above `atMost`. */
export function drawCompanySize(ctx: SeedContext, atMost: number): number {
  const [min, max] = SIZE_BANDS.pick(ctx.random);
  return Math.max(1, Math.min(atMost, ctx.random.skewed(min, max)));
}

function positionCount(ctx: SeedContext, size: number): number {
  if (size < 10) return 1;
  return ctx.random.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ]);
}

function companyName(ctx: SeedContext, sector: Sector, size: number): string {
  const prefix = ctx.random.pick(SECTOR_PROFILES[sector].namePrefixes);
  const legalForm =
    size < 10
      ? ctx.random.pick(['S.n.c.', 'S.a.s.', 'S.r.l.'])
      : size < 250
        ? ctx.random.weighted([
            ['S.r.l.', 8],
            ['S.p.A.', 2],
          ])
        : 'S.p.A.';
  return `${prefix} ${ctx.faker.person.lastName()} ${legalForm}`;
}

/** Writes a worker; most have an IBAN on file, the rest are paid at a post office. */
export function writeWorker(ctx: SeedContext, row: WorkerRow): CoveredWorker {
  ctx.writer.workers.add(row);
  if (row.iban) {
    // A short window of recent IBANs is enough to play "the employer sent someone else's".
    if (ctx.recentIbans.length >= 64) ctx.recentIbans.shift();
    ctx.recentIbans.push(row.iban);
  }
  return { cf: row.cf, iban: row.iban };
}

function generateWorker(ctx: SeedContext, workplace: Province): CoveredWorker {
  const residence = residenceNear(ctx.random, workplace);
  const person = ctx.ids.person(residence);
  return writeWorker(ctx, {
    ...person,
    residenceProvince: residence.sigla,
    iban: ctx.random.chance(0.93) ? ctx.ids.iban() : null,
  });
}

/** Writes a company, its INPS positions and their workers. */
export function generateCompany(ctx: SeedContext, spec: CompanySpec = {}): GeneratedCompany {
  const { random, ids, writer } = ctx;
  const seat = spec.seat ?? populationWeightedProvince(random);
  const sector = spec.sector ?? SECTOR_TABLE.pick(random);
  const size = spec.size ?? drawCompanySize(ctx, Number.POSITIVE_INFINITY);
  const cf = spec.cf ?? ids.companyCf(seat);
  const name = spec.name ?? companyName(ctx, sector, size);
  writer.companies.add({ cf, name, legalSeatProvince: seat.sigla });
  ctx.companies.push({ cf, seat });

  const provinces =
    spec.positionProvinces ??
    Array.from({ length: positionCount(ctx, size) }, (_, i) =>
      i === 0 || random.chance(0.5) ? seat : populationWeightedProvince(random),
    );
  const positions = provinces.map((province): GeneratedPosition => {
    // Drawn even when pinned, and its pace kept, so that the rest of the seed stays the same.
    const drawn = officeFor(random, province.sigla).code;
    const officeCode = spec.officeCode ?? drawn;
    const position = {
      matricola: ids.matricola(province),
      officeCode,
      ...(officeCode !== drawn ? { paceOfficeCode: drawn } : {}),
      sector,
      province,
      workers: [],
    };
    writer.positions.add({
      matricola: position.matricola,
      companyCf: cf,
      inpsOfficeCode: officeCode,
      sector,
    });
    return position;
  });
  for (let i = 0; i < size; i++) {
    // The first position is the main workplace and takes the largest share.
    const position = random.chance(0.6) ? positions[0]! : random.pick(positions);
    position.workers.push(generateWorker(ctx, position.province));
  }
  return { cf, name, seat, sector, size, positions };
}
