-- Closed conversations, moved here from Redis once they close: Redis holds only live chats, and
-- losing its data cannot erase a finished one. Rows are deleted by the retention purge.
CREATE TABLE conversation_archive (
  id text PRIMARY KEY,
  visitor_key text NOT NULL,
  queue text NOT NULL CHECK (queue IN ('workers', 'employers')),
  topic text NOT NULL,
  -- The person as their verified token named them when the chat opened, and what it was about.
  visitor jsonb NOT NULL,
  subject jsonb NOT NULL,
  advisor_id text,
  opened_at timestamptz NOT NULL,
  -- When it last joined the queue, and its priority there (above 0: it went back to the queue).
  enqueued_at timestamptz NOT NULL,
  priority integer NOT NULL DEFAULT 0,
  assigned_at timestamptz,
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL,
  -- The messages in order (seq, author, text, time) and the advisors' internal notes.
  messages jsonb NOT NULL,
  notes jsonb NOT NULL
);

CREATE INDEX conversation_archive_visitor_idx ON conversation_archive (visitor_key, closed_at DESC);
CREATE INDEX conversation_archive_closed_idx ON conversation_archive (closed_at);
