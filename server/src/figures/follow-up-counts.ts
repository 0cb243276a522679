import type { Audience } from '@infocig/shared';
import type { Db } from '../store/index.ts';
import { CATEGORY_OF_ROLE } from './published-figures.ts';

/** What a follow-up counts for: opened on the day it was left, answered on the day it was answered. */
export type FollowUpEvent = 'opened' | 'answered';

/** The category a role counts in: the institute's split, or 'other' for a role outside it. */
export const followUpCategorySql = (roleColumn: string) =>
  `CASE ${roleColumn} ${Object.entries(CATEGORY_OF_ROLE)
    .map(([role, category]) => `WHEN '${role}' THEN '${category}'`)
    .join(' ')} ELSE 'other' END`;

/**
 * Adds one to the follow-ups `event` of the Italian day of `atColumn`, for each row of `source`
 * (a relation with `queue` and `visitor_role`): an INSERT to run as a data-modifying WITH beside the
 * write of the follow-up itself, so the count and the case change together.
 */
export const countFollowUpsSql = (event: FollowUpEvent, source: string, atColumn: string) =>
  `INSERT INTO follow_up_counts AS c (day, audience, category, ${event})
   SELECT (${atColumn} AT TIME ZONE 'Europe/Rome')::date, queue, ${followUpCategorySql('visitor_role')}, 1 FROM ${source}
   ON CONFLICT (day, audience, category) DO UPDATE SET ${event} = c.${event} + 1`;

/**
 * Counts one follow-up event at `at` on its own, as the follow-up store counts it: for data written
 * outside the store (imports, tests).
 */
export async function countFollowUp(
  db: Db,
  event: FollowUpEvent,
  followUp: { queue: Audience | string; visitorRole: string; at: Date | string },
): Promise<void> {
  await db.query(
    `WITH f (queue, visitor_role, at) AS (VALUES ($1::text, $2::text, $3::timestamptz))
     ${countFollowUpsSql(event, 'f', 'at')}`,
    [followUp.queue, followUp.visitorRole, followUp.at],
  );
}
