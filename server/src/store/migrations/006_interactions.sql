-- One row per person per day that they used the service (opened the widget while admitted), and
-- what came of it: settled by the claim answers alone, a chat with an advisor, or a follow-up.
-- People are counted by a digest of their codice fiscale, never the codice fiscale itself.
CREATE TABLE interactions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day date NOT NULL,
  person_key text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('workers', 'employers')),
  role text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL DEFAULT 'self_service' CHECK (outcome IN ('self_service', 'chat', 'follow_up')),
  conversation_id text,
  wait_seconds double precision,
  first_response_seconds double precision,
  UNIQUE (person_key, day)
);

CREATE INDEX interactions_day_idx ON interactions (day, audience);
CREATE INDEX interactions_conversation_idx ON interactions (conversation_id) WHERE conversation_id IS NOT NULL;
