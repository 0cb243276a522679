import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import { createFollowUpStore } from '../../src/followups/follow-up-store.ts';
import { purgeExpired } from '../../src/privacy/retention.ts';
import { type Db, migrate, openDb } from '../../src/store/index.ts';
import { TEST_AUDIT_KEY } from './audit-test-key.ts';

let db: Db;
const silent = { info: () => {} } as unknown as Parameters<typeof purgeExpired>[3];

beforeAll(async () => {
  db = await openDb({});
  await migrate(db);
});
afterAll(() => db.close());

describe('retention', () => {
  it('purges answered follow-ups and audit rows past their periods, and keeps the rest', async () => {
    const DAY = 86_400_000;
    // Written 40 days ago: past the 30-day floor the database itself keeps.
    const audit = createPgAccessAudit(db, {
      key: TEST_AUDIT_KEY,
      now: () => new Date(Date.now() - 40 * DAY),
    });
    const followUps = createFollowUpStore(db);
    const visitor = {
      role: 'lavoratore' as const,
      displayName: 'Mario Rossi',
      codiceFiscale: 'RSSMRA80D12H501G',
    };
    const answered = await followUps.create(visitor, 'workers', 'x', 'vecchia domanda');
    await followUps.answer(answered.id, ['workers'], { cf: 'ADV', name: 'A' }, 'risposta');
    const open = await followUps.create(visitor, 'workers', 'x', 'domanda aperta');
    await audit.record({
      actor: 'ADV',
      actorRole: 'advisor',
      subject: visitor.codiceFiscale,
      what: 'claims',
      purpose: 'assigned chat',
    });

    const kept = await purgeExpired(db, audit, { auditMs: 60 * DAY, transcriptMs: DAY }, silent);
    expect(kept).toEqual({ auditRows: 0, followUps: 0 });

    const later = new Date(Date.now() + 2 * DAY);
    expect(await purgeExpired(db, audit, { auditMs: 35 * DAY, transcriptMs: DAY }, silent, later)).toEqual({
      auditRows: 1,
      followUps: 1,
    });
    expect((await followUps.ofVisitor(visitor.codiceFiscale)).map((f) => f.id)).toEqual([open.id]);
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
  });
});
