-- Referrals to the INPS office that owns a claim: an advisor passes a person's question, with the
-- application it is about, to the office of competence; staff of that office take it and answer,
-- and the answer reaches the person like a follow-up's. They are follow-ups of another kind, so
-- the person's list, the retention purge and the answer's path are the same.
ALTER TABLE follow_ups
  ADD COLUMN kind text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'referral')),
  ADD COLUMN application_id text,
  ADD COLUMN office_code text REFERENCES inps_offices (code),
  ADD COLUMN opened_by_cf text,
  ADD COLUMN opened_by_name text,
  ADD COLUMN taken_by_cf text,
  ADD COLUMN taken_by_name text,
  ADD COLUMN taken_at timestamptz,
  -- Set by the overdue timer when a referral is still unanswered at its due time.
  ADD COLUMN overdue_at timestamptz,
  ADD CONSTRAINT follow_ups_referral_fields CHECK (
    kind = 'message' OR (application_id IS NOT NULL AND office_code IS NOT NULL AND opened_by_cf IS NOT NULL)
  );

ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_status_check;
ALTER TABLE follow_ups
  ADD CONSTRAINT follow_ups_status_check CHECK (status IN ('open', 'taken', 'answered')),
  ADD CONSTRAINT follow_ups_taken_fields CHECK ((status = 'taken') <= (taken_by_cf IS NOT NULL));

-- An office's unanswered referrals, oldest first; the advisors' list reads messages only.
CREATE INDEX follow_ups_office_idx ON follow_ups (office_code, created_at)
  WHERE kind = 'referral' AND status <> 'answered';
DROP INDEX follow_ups_open_idx;
CREATE INDEX follow_ups_open_idx ON follow_ups (queue, created_at) WHERE status = 'open' AND kind = 'message';
