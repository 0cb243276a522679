import { base, en, Faker, it } from '@faker-js/faker';
import type { Province } from '@infocig/shared';
import type { Db } from '../db.ts';
import { BatchWriter } from './batch-writer.ts';
import type { Day } from './calendar.ts';
import { INPS_OFFICES } from './geography.ts';
import { Identities } from './identities.ts';
import { Random } from './random.ts';

/** Everything the generators share during one seed run. */
export interface SeedContext {
  random: Random;
  faker: Faker;
  today: Day;
  ids: Identities;
  writer: BatchWriter;
  /** Per office: 1 is a typical pace, above 1 slower, so estimates per office differ. */
  officeSpeed: ReadonlyMap<string, number>;
  nextPaymentId: number;
  /** Recently issued IBANs: an employer sending the wrong one picks someone else's. */
  recentIbans: string[];
  /** Every company generated, for the intermediaries' delegations. */
  companies: { cf: string; seat: Province }[];
}

export function createSeedContext(db: Db, seed: number, today: Day): SeedContext {
  const random = new Random(seed);
  // Its own instance: seeding the shared `fakerIT` would change other code's draws.
  const faker = new Faker({ locale: [it, en, base], seed });
  const officeSpeed = new Map(INPS_OFFICES.map((office) => [office.code, 0.6 + random.next() * 1.2]));
  return {
    random,
    faker,
    today,
    ids: new Identities(random, faker, today),
    writer: new BatchWriter(db),
    officeSpeed,
    nextPaymentId: 1,
    recentIbans: [],
    companies: [],
  };
}

export function speedOf(ctx: SeedContext, officeCode: string): number {
  return ctx.officeSpeed.get(officeCode) ?? 1;
}
