import { HISTORICAL_ROLLOUT, type RolloutPhase } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';
import type { Db } from '../store/index.ts';

export interface PlanVersion {
  version: number;
  phases: RolloutPhase[];
  changedBy: string;
  changedAt: string;
  reason: string;
}

interface Row {
  version: number;
  phases: RolloutPhase[] | string;
  changed_by: string;
  changed_at: Date;
  reason: string;
}

const toVersion = (row: Row): PlanVersion => ({
  version: row.version,
  phases: typeof row.phases === 'string' ? (JSON.parse(row.phases) as RolloutPhase[]) : row.phases,
  changedBy: row.changed_by,
  changedAt: row.changed_at.toISOString(),
  reason: row.reason,
});

/** The rollout plan's versions in PostgreSQL; version 1 is the historical plan. */
export function createRolloutStore(db: Db) {
  return {
    async seedHistorical(): Promise<void> {
      await db.query(
        `INSERT INTO rollout_plan_versions (version, phases, changed_by, reason)
         VALUES (1, $1::jsonb, 'system', 'historical phases of Info CIG') ON CONFLICT (version) DO NOTHING`,
        [JSON.stringify(HISTORICAL_ROLLOUT)],
      );
    },

    async current(): Promise<PlanVersion> {
      const [row] = await db.query<Row>('SELECT * FROM rollout_plan_versions ORDER BY version DESC LIMIT 1');
      if (!row) throw new Error('no rollout plan: seedHistorical() was not run');
      return toVersion(row);
    },

    async history(limit = 50): Promise<PlanVersion[]> {
      const rows = await db.query<Row>('SELECT * FROM rollout_plan_versions ORDER BY version DESC LIMIT $1', [
        limit,
      ]);
      return rows.map(toVersion);
    },

    async version(version: number): Promise<PlanVersion | null> {
      const [row] = await db.query<Row>('SELECT * FROM rollout_plan_versions WHERE version = $1', [version]);
      return row ? toVersion(row) : null;
    },

    /**
     * Writes a new version; two supervisors saving at once get consecutive versions, never one.
     * With `basedOn`, only if that is still the newest version (else ROLLOUT_CHANGED): a change made
     * on a stale view of the plan would silently undo someone else's.
     */
    async replace(
      phases: RolloutPhase[],
      changedBy: string,
      reason: string,
      basedOn?: number,
    ): Promise<PlanVersion> {
      return db.transaction(async (tx) => {
        await tx.query('LOCK TABLE rollout_plan_versions IN SHARE ROW EXCLUSIVE MODE');
        if (basedOn !== undefined) {
          const [newest] = await tx.query<{ version: number }>(
            'SELECT max(version)::int AS version FROM rollout_plan_versions',
          );
          if (newest?.version !== basedOn) throw new AppError('ROLLOUT_CHANGED');
        }
        const [row] = await tx.query<Row>(
          `INSERT INTO rollout_plan_versions (version, phases, changed_by, reason)
           SELECT COALESCE(max(version), 0) + 1, $1::jsonb, $2, $3 FROM rollout_plan_versions RETURNING *`,
          [JSON.stringify(phases), changedBy, reason],
        );
        return toVersion(row!);
      });
    },
  };
}

export type RolloutStore = ReturnType<typeof createRolloutStore>;
