-- The rollout plan, versioned: every change writes the whole plan as a new version, with who made
-- it and why, so the history is the audit trail. The current plan is the highest version.
CREATE TABLE rollout_plan_versions (
  version integer PRIMARY KEY,
  phases jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL
);
