-- Messages left by people when no advisor could take their chat (outside service hours, or after
-- waiting too long), worked later by an advisor whose answer reaches the person.
CREATE TABLE follow_ups (
  id text PRIMARY KEY,
  queue text NOT NULL CHECK (queue IN ('workers', 'employers')),
  visitor_cf text NOT NULL,
  visitor_role text NOT NULL,
  visitor_name text NOT NULL,
  company_cf text,
  conversation_id text,
  topic text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer text,
  answered_by_cf text,
  answered_by_name text,
  answered_at timestamptz,
  CHECK ((status = 'answered') = (answer IS NOT NULL))
);

CREATE INDEX follow_ups_open_idx ON follow_ups (queue, created_at) WHERE status = 'open';
CREATE INDEX follow_ups_visitor_idx ON follow_ups (visitor_cf, created_at);
