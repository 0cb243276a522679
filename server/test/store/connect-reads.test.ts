import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeepsStore } from '../../src/chat/keeps.ts';
import { createFollowUpStore } from '../../src/followups/follow-up-store.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from './engines.ts';

const HOUR = 3_600_000;
const worker = (n: number) => `CNNRDS80A01H501${String.fromCharCode(65 + n)}`;

/** An archived chat of `visitorKey`, closed `hoursAgo`. */
async function archived(db: Db, id: string, visitorKey: string, hoursAgo: number) {
  const closedAt = new Date(Date.now() - hoursAgo * HOUR);
  await db.query(
    `INSERT INTO conversation_archive (id, visitor_key, queue, topic, visitor, subject, opened_at, enqueued_at, closed_at, closed_by, messages, notes)
     VALUES ($1, $2, 'workers', 'CIGO', '{}', '{}', $3, $3, $3, 'visitor', '[]', '[]')`,
    [id, visitorKey, closedAt],
  );
}

// Read at every connect, and gathered into one statement when connects arrive together: each
// visitor must still get exactly what a read of their own gives.
describe.each(ENGINES)('reads at connect, gathered, on $name', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigrated(engine);
  });
  afterAll(() => engine.dispose(db));

  it("a visitor's follow-ups: their own only, newest first, at most 20", async () => {
    const followUps = createFollowUpStore(db);
    for (let n = 0; n < 6; n++) {
      const visitor = { codiceFiscale: worker(n), role: 'lavoratore' as const, displayName: `Persona ${n}` };
      for (let k = 0; k < (n === 0 ? 23 : n % 3); k++)
        await followUps.create(visitor, 'workers', 'CIGO', `caso ${n}.${k}`);
    }
    const asked = [0, 1, 2, 3, 4, 5, 1, 9].map(worker);
    const alone = [];
    for (const cf of asked) alone.push(await followUps.ofVisitor(cf));
    const together = await Promise.all(asked.map((cf) => followUps.ofVisitor(cf)));
    expect(together).toEqual(alone);
    expect(alone.map((list) => list.length)).toEqual([20, 1, 2, 0, 1, 2, 1, 0]);
    expect(alone[0]!.map((f) => f.body)[0]).toBe('caso 0.22');
    for (const [i, list] of alone.entries()) for (const f of list) expect(f.visitor_cf).toBe(asked[i]);
  });

  it('the latest kept chat: own, newest, within the window, not dismissed', async () => {
    const keeps = createKeepsStore(db);
    await archived(db, 'K-A-old', 'VK-A', 30);
    await archived(db, 'K-A-new', 'VK-A', 2);
    await archived(db, 'K-B-new', 'VK-B', 1);
    await archived(db, 'K-B-old', 'VK-B', 3);
    await db.query(
      `INSERT INTO conversation_dismissals (conversation_id, visitor_key, dismissed_at, closed_at)
       VALUES ('K-B-new', 'VK-B', now(), now())`,
    );
    await archived(db, 'K-C-stale', 'VK-C', 80);
    const since = new Date(Date.now() - 72 * HOUR);
    const asked = ['VK-A', 'VK-B', 'VK-C', 'VK-none', 'VK-A'];
    const together = await Promise.all(asked.map((key) => keeps.latestKeptId(key, since)));
    expect(together).toEqual(['K-A-new', 'K-B-old', null, null, 'K-A-new']);
    const alone = [];
    for (const key of asked) alone.push(await keeps.latestKeptId(key, since));
    expect(alone).toEqual(together);
  });
});
