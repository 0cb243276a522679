import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgAccessAudit } from '../../src/audit/pg-access-audit.ts';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import { createFollowUpStore } from '../../src/followups/follow-up-store.ts';
import { purgeExpired } from '../../src/privacy/retention.ts';
import type { Db } from '../../src/store/index.ts';
import { pglite } from '../store/engines.ts';
import { TEST_AUDIT_KEY } from '../support/audit-test-key.ts';

let db: Db;
const silent = { info: () => {} } as unknown as Parameters<typeof purgeExpired>[4];

beforeAll(async () => {
  db = await pglite.openMigrated();
});
afterAll(() => db.close());

describe('retention', () => {
  it('purges archived chats, answered follow-ups and audit rows past their periods, and keeps the rest', async () => {
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

    const archive = createArchiveStore(db);
    const closedChat = (id: string, closedAt: number) => ({
      record: {
        id,
        status: 'closed' as const,
        queue: 'workers' as const,
        visitorKey: 'k1',
        visitor,
        subject: {},
        topic: 'pagamento',
        openedAt: closedAt - 60_000,
        lastSeq: 1,
        readUpTo: { visitor: 0, advisor: 0 },
        closedBy: 'visitor',
      },
      enqueuedAt: closedAt - 60_000,
      priority: 0,
      closedAt,
      messages: [
        {
          conversationId: id,
          seq: 1,
          clientMessageId: 'c1',
          author: 'visitor' as const,
          authorName: 'Mario Rossi',
          text: 'ciao',
          sentAt: new Date(closedAt - 30_000).toISOString(),
        },
      ],
      notes: [],
    });
    await archive.keep(closedChat('01OLDCHAT', Date.now() - 10_000));
    await archive.keep(closedChat('01NEWCHAT', Date.now() + 1.5 * DAY));

    const purge = (auditMs: number, now?: Date) =>
      purgeExpired(db, audit, archive, { auditMs, transcriptMs: DAY }, silent, now);
    expect(await purge(60 * DAY)).toEqual({ auditRows: 0, followUps: 0, conversations: 0 });

    const later = new Date(Date.now() + 2 * DAY);
    expect(await purge(35 * DAY, later)).toEqual({ auditRows: 1, followUps: 1, conversations: 1 });
    expect((await followUps.ofVisitor(visitor.codiceFiscale)).map((f) => f.id)).toEqual([open.id]);
    expect(await archive.get('01OLDCHAT')).toBeNull();
    expect((await archive.get('01NEWCHAT'))?.messages.map((m) => m.text)).toEqual(['ciao']);
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
  });
});
