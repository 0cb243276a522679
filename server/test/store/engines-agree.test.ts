import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { createClaimsStore, type Db, seedDemoData } from '../../src/store/index.ts';
import { digestOf } from './digest.ts';
import { ENGINES, openMigrated } from './engines.ts';

const OPTIONS = { workers: 150, seed: 11, today: new Date('2026-06-30T09:00:00Z') };
const opened: { engine: (typeof ENGINES)[number]; db: Db }[] = [];

beforeAll(async () => {
  for (const engine of ENGINES) {
    const db = await openMigrated(engine);
    opened.push({ engine, db });
    await seedDemoData(db, OPTIONS);
  }
});
afterAll(async () => {
  for (const { engine, db } of opened) await engine.dispose(db);
});

it('stores the same rows and answers the same on PGlite and PostgreSQL', async () => {
  const [pglite, postgres] = opened.map(({ db }) => db) as [Db, Db];
  expect(await digestOf(postgres)).toEqual(await digestOf(pglite));
  for (const persona of [DEMO_PERSONAS['worker-rm'], DEMO_PERSONAS['worker-na']]) {
    expect(await createClaimsStore(postgres).claimsForWorker(persona.sub)).toEqual(
      await createClaimsStore(pglite).claimsForWorker(persona.sub),
    );
  }
  const employer = DEMO_PERSONAS['employer-mi'].company.cf;
  expect(await createClaimsStore(postgres).claimsForCompany(employer)).toEqual(
    await createClaimsStore(pglite).claimsForCompany(employer),
  );
});
