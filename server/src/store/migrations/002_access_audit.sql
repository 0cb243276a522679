-- Every read of a person's data by INPS staff: who, whose, what, why, in which chat, when.
-- Append-only by convention here; the tamper-evident hash chain comes with the audit issue.
CREATE TABLE access_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_cf text NOT NULL,
  actor_role text NOT NULL CHECK (actor_role IN ('advisor', 'supervisor')),
  subject_cf text NOT NULL,
  what text NOT NULL,
  purpose text NOT NULL,
  conversation_id text
);

CREATE INDEX access_audit_subject_idx ON access_audit (subject_cf, at);
