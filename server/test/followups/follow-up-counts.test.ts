import { italianDay } from '@infocig/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import { publishedFigures } from '../../src/figures/published-figures.ts';
import { createFollowUpStore } from '../../src/followups/follow-up-store.ts';
import { purgeExpired } from '../../src/privacy/retention.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from '../store/engines.ts';
import { TEST_AUDIT_KEY } from '../support/audit-test-key.ts';

const DAY = 86_400_000;
const silent = { info: () => {} } as unknown as Parameters<typeof purgeExpired>[4];
const worker = { role: 'lavoratore' as const, displayName: 'Mario Rossi', codiceFiscale: 'RSSMRA80D12H501G' };
const consultant = {
  role: 'consulente' as const,
  displayName: 'Anna Verdi',
  codiceFiscale: 'VRDNNA75C45L219K',
};
const advisor = { cf: 'ADV', name: 'A' };

describe.each(ENGINES)('follow-up counts on $name', (engine) => {
  let db: Db;
  beforeEach(async () => {
    db = await openMigrated(engine);
  });
  afterEach(() => engine.dispose(db));

  const counts = () =>
    db.query<{ day: string; audience: string; category: string; opened: number; answered: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, audience, category, opened, answered
       FROM follow_up_counts ORDER BY audience, category`,
    );
  const today = () => italianDay(new Date());
  const followUpsOf = async (day: string) => {
    const { total, byAudience, byCategory } = await publishedFigures(db, day, day);
    return {
      total: total.followUps,
      employers: byAudience.employers.followUps,
      worker: byCategory.worker.followUps,
      intermediary: byCategory.intermediary.followUps,
    };
  };

  it('count a follow-up on the Italian day it is opened and the one it is answered, once', async () => {
    const store = createFollowUpStore(db);
    const left = await store.create(worker, 'workers', 'Pagamento', 'Non ho ricevuto il pagamento');
    await store.create(consultant, 'employers', 'Domanda', 'Per un cliente');
    expect(await counts()).toEqual([
      {
        day: italianDay(left.created_at),
        audience: 'employers',
        category: 'intermediary',
        opened: 1,
        answered: 0,
      },
      { day: italianDay(left.created_at), audience: 'workers', category: 'worker', opened: 1, answered: 0 },
    ]);

    const answered = await store.answer(left.id, ['workers'], advisor, 'Arriva entro 7 giorni');
    await expect(store.answer(left.id, ['workers'], advisor, 'Di nuovo')).rejects.toMatchObject({
      code: 'FOLLOWUP_NOT_FOUND',
    });
    expect(answered.answered_at).not.toBeNull();
    expect((await counts()).find((c) => c.category === 'worker')).toMatchObject({
      day: italianDay(answered.answered_at!),
      opened: 1,
      answered: 1,
    });
    expect(await followUpsOf(today())).toEqual({
      total: { opened: 2, answered: 1 },
      employers: { opened: 1, answered: 0 },
      worker: { opened: 1, answered: 1 },
      intermediary: { opened: 1, answered: 0 },
    });
  });

  it('keep counting answered follow-ups after the retention purge deletes them', async () => {
    const store = createFollowUpStore(db);
    const old = await store.create(worker, 'workers', 'x', 'vecchia domanda');
    await store.answer(old.id, ['workers'], advisor, 'risposta');
    const open = await store.create(worker, 'workers', 'x', 'domanda aperta');
    const day = today();
    const before = await followUpsOf(day);
    expect(before.total).toEqual({ opened: 2, answered: 1 });

    const audit = createPgAccessAudit(db, { key: TEST_AUDIT_KEY });
    const purged = await purgeExpired(
      db,
      audit,
      createArchiveStore(db),
      { auditMs: 365 * DAY, transcriptMs: DAY },
      silent,
      new Date(Date.now() + 2 * DAY),
    );
    expect(purged.followUps).toBe(1);
    expect((await store.ofVisitor(worker.codiceFiscale)).map((f) => f.id)).toEqual([open.id]);
    expect(await followUpsOf(day)).toEqual(before);
  });
});
