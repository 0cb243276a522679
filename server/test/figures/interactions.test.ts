import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInteractions } from '../../src/figures/interactions.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from '../store/engines.ts';

const chat = (id: string, personKey: string) => ({
  id,
  visitorKey: personKey,
  queue: 'workers' as const,
  visitor: { role: 'lavoratore' as const, displayName: 'Mario Rossi', codiceFiscale: 'RSSMRA80A01H501U' },
  openedAt: Date.parse('2026-11-30T10:00:00Z'),
});

describe.each(ENGINES)('interaction figures on $name', (engine) => {
  let db: Db;
  beforeEach(async () => {
    db = await openMigrated(engine);
  });
  afterEach(() => engine.dispose(db));

  const rowOf = async (personKey: string) =>
    (
      await db.query<{ outcome: string; conversation_id: string; wait_seconds: number }>(
        'SELECT outcome, conversation_id, wait_seconds FROM interactions WHERE person_key = $1',
        [personKey],
      )
    )[0];

  it('keep the wait of a chat handed out before its opening was written, and only the day’s first', async () => {
    const interactions = createInteractions(db);
    await interactions.assigned(chat('C1', 'P1'), 12);
    await interactions.chatOpened(chat('C1', 'P1'));
    expect(await rowOf('P1')).toEqual({ outcome: 'chat', conversation_id: 'C1', wait_seconds: 12 });

    await interactions.chatOpened(chat('C2', 'P1'));
    await interactions.assigned(chat('C2', 'P1'), 40);
    expect(await rowOf('P1')).toMatchObject({ conversation_id: 'C2', wait_seconds: 12 });
  });

  it('keep a follow-up outcome when the chat before it is handed out late', async () => {
    const interactions = createInteractions(db);
    await interactions.chatOpened(chat('C3', 'P2'));
    await interactions.followUpLeft('P2', 'workers', 'lavoratore', new Date(chat('C3', 'P2').openedAt));
    await interactions.assigned(chat('C3', 'P2'), 7);
    expect(await rowOf('P2')).toEqual({ outcome: 'follow_up', conversation_id: 'C3', wait_seconds: 7 });
  });

  it('record visits arriving together, once per person and day, without touching a chat already counted', async () => {
    const interactions = createInteractions(db);
    await interactions.chatOpened(chat('C4', 'P3'));
    const day = new Date('2026-11-30T10:00:00Z');
    const nextDay = new Date('2026-12-01T10:00:00Z');
    await Promise.all([
      ...['P3', 'P4', 'P5', 'P4', 'P6'].map((key) => interactions.visited(key, 'workers', 'lavoratore', day)),
      interactions.visited('P7', 'employers', 'titolare', day),
      interactions.visited('P4', 'workers', 'lavoratore', nextDay),
    ]);
    const rows = await db.query<{ person_key: string; day: string; audience: string; outcome: string }>(
      'SELECT person_key, day, audience, outcome FROM interactions ORDER BY person_key, day',
    );
    expect(rows).toEqual([
      { person_key: 'P3', day: '2026-11-30', audience: 'workers', outcome: 'chat' },
      { person_key: 'P4', day: '2026-11-30', audience: 'workers', outcome: 'self_service' },
      { person_key: 'P4', day: '2026-12-01', audience: 'workers', outcome: 'self_service' },
      { person_key: 'P5', day: '2026-11-30', audience: 'workers', outcome: 'self_service' },
      { person_key: 'P6', day: '2026-11-30', audience: 'workers', outcome: 'self_service' },
      { person_key: 'P7', day: '2026-11-30', audience: 'employers', outcome: 'self_service' },
    ]);
  });
});
