import { countFollowUp } from '../../src/figures/follow-up-counts.ts';
import type { Db } from '../../src/store/index.ts';

/** The period the history below is asked for; it straddles the switch to summer time (31 March). */
export const PERIOD = { from: '2024-03-01', to: '2024-04-30' } as const;

type Outcome = 'self_service' | 'chat' | 'follow_up';
/** person, role, audience, day, started at (UTC), outcome, wait, first response */
type Visit = [string, string, string, string, string, Outcome, number?, number?];

const VISITS: Visit[] = [
  ['W1', 'lavoratore', 'workers', '2024-02-29', '2024-02-29T09:00:00Z', 'self_service'],
  ['W1', 'lavoratore', 'workers', '2024-03-10', '2024-03-10T09:30:00Z', 'self_service'],
  ['W2', 'lavoratore', 'workers', '2024-03-10', '2024-03-10T09:45:00Z', 'chat', 10, 30],
  ['W1', 'lavoratore', 'workers', '2024-03-11', '2024-03-11T14:00:00Z', 'follow_up'],
  ['W3', 'lavoratore', 'workers', '2024-04-10', '2024-04-10T09:30:00Z', 'chat', 30, 50],
  ['E1', 'titolare', 'employers', '2024-03-10', '2024-03-10T08:10:00Z', 'self_service'],
  ['E1', 'titolare', 'employers', '2024-04-10', '2024-04-10T12:00:00Z', 'self_service'],
  ['E2', 'legale_rappresentante', 'employers', '2024-04-10', '2024-04-10T09:05:00Z', 'chat', 20, 40],
  ['I1', 'consulente', 'employers', '2024-04-10', '2024-04-10T09:20:00Z', 'follow_up'],
  ['I1', 'consulente', 'employers', '2024-04-11', '2024-04-11T10:00:00Z', 'self_service'],
  ['W4', 'lavoratore', 'workers', '2024-05-01', '2024-05-01T09:00:00Z', 'self_service'],
];

/** id, queue, role, created at, answered at */
const FOLLOW_UPS: [string, string, string, string, string | null][] = [
  ['F1', 'workers', 'lavoratore', '2024-03-11T14:00:00Z', null],
  ['F2', 'employers', 'consulente', '2024-04-10T09:20:00Z', '2024-04-12T08:00:00Z'],
  // Answered at 00:30 on 1 March in Italy: in the period, though opened before it.
  ['F3', 'workers', 'lavoratore', '2024-02-20T10:00:00Z', '2024-02-29T23:30:00Z'],
  // Opened at 00:30 on 1 May in Italy: after the period.
  ['F4', 'employers', 'titolare', '2024-04-30T22:30:00Z', null],
];

/**
 * Writes a small, known history of visits and follow-ups, as the service would have left it: each
 * follow-up counted when opened and when answered, as the follow-up store counts it. A running
 * server's retention purge deletes answered follow-ups this old: leave them out there.
 */
export async function writeHistory(db: Db, { followUps = true, prefix = 'FIG' } = {}): Promise<void> {
  for (const [person, role, audience, day, startedAt, outcome, wait, firstResponse] of VISITS) {
    await db.query(
      `INSERT INTO interactions (day, person_key, audience, role, started_at, outcome, wait_seconds, first_response_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [day, `${prefix}-${person}`, audience, role, startedAt, outcome, wait ?? null, firstResponse ?? null],
    );
  }
  for (const [id, queue, role, createdAt, answeredAt] of followUps ? FOLLOW_UPS : []) {
    await db.query(
      `INSERT INTO follow_ups (id, queue, visitor_cf, visitor_role, visitor_name, topic, body, created_at, status, answer, answered_at)
       VALUES ($1, $2, 'RSSMRA80A01H501U', $3, 'Mario Rossi', 'altro', 'Vi scrivo', $4, $5, $6, $7)`,
      [
        `${prefix}-${id}`,
        queue,
        role,
        createdAt,
        answeredAt ? 'answered' : 'open',
        answeredAt ? 'Risposta' : null,
        answeredAt,
      ],
    );
    await countFollowUp(db, 'opened', { queue, visitorRole: role, at: createdAt });
    if (answeredAt) await countFollowUp(db, 'answered', { queue, visitorRole: role, at: answeredAt });
  }
}
