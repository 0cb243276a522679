import type { SeedContext } from './context.ts';
import { populationWeightedProvince } from './geography.ts';
import { WeightedTable } from './random.ts';
import type { IntermediaryKind } from './tables.ts';
import { isoTimestamp, officeHours } from './timeline.ts';

const KINDS = new WeightedTable<IntermediaryKind>([
  ['consulente_del_lavoro', 60],
  ['commercialista', 25],
  ['avvocato', 5],
  ['centro_servizi', 10],
]);

const ASSOCIATIONS = ['Confartigianato', 'CNA', 'Confcommercio', 'Confesercenti', 'Coldiretti'];

/** A delegation granted at some point in the last five years; about one in eight since revoked. */
export function writeDelegation(
  ctx: SeedContext,
  intermediaryCf: string,
  companyCf: string,
  grantedDay = ctx.today - ctx.random.int(30, 5 * 365),
  revokedDay: number | null = ctx.random.chance(0.12) ? grantedDay + ctx.random.int(30, 700) : null,
): void {
  const { random } = ctx;
  ctx.writer.delegations.add({
    intermediaryCf,
    companyCf,
    grantedAt: isoTimestamp(officeHours(random, grantedDay)),
    revokedAt:
      revokedDay !== null && revokedDay < ctx.today ? isoTimestamp(officeHours(random, revokedDay)) : null,
  });
}

/**
 * Labour consultants, accountants, lawyers and associations' service centres, each acting for a
 * handful of companies, mostly in its own province.
 */
export function writeIntermediaries(ctx: SeedContext): void {
  const { random, ids, writer, companies } = ctx;
  if (companies.length === 0) return;
  const bySeat = new Map<string, string[]>();
  for (const company of companies) {
    const list = bySeat.get(company.seat.sigla) ?? [];
    list.push(company.cf);
    bySeat.set(company.seat.sigla, list);
  }
  const count = Math.max(2, Math.round(companies.length / 12));
  for (let i = 0; i < count; i++) {
    const home = populationWeightedProvince(random);
    const kind = KINDS.pick(random);
    let cf: string;
    let name: string;
    if (kind === 'centro_servizi') {
      cf = ids.companyCf(home);
      name = `Centro servizi ${random.pick(ASSOCIATIONS)} ${home.name}`;
    } else {
      const person = ids.person(home);
      cf = person.cf;
      name = `${person.firstName} ${person.surname}`;
    }
    writer.intermediaries.add({ cf, name, kind });

    const local = bySeat.get(home.sigla) ?? [];
    const clients = new Set<string>();
    const wanted = random.skewed(1, 25);
    for (let tries = 0; tries < wanted * 3 && clients.size < wanted; tries++) {
      clients.add(local.length > 0 && random.chance(0.75) ? random.pick(local) : random.pick(companies).cf);
    }
    for (const companyCf of clients) writeDelegation(ctx, cf, companyCf);
  }
}
