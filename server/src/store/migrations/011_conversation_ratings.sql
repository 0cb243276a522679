-- What the person keeps of a closed chat: their rating of it (1–5 stars and an optional comment),
-- and whether they dismissed it from the widget (so it is not shown again, on any device). Both are
-- personal and go with the transcript: the retention purge deletes them by the chat's close time.
-- No foreign key to the archive: a chat may be rated in the instant before it has moved there.
CREATE TABLE conversation_ratings (
  conversation_id text PRIMARY KEY,
  visitor_key text NOT NULL,
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text,
  rated_at timestamptz NOT NULL,
  closed_at timestamptz NOT NULL
);
CREATE INDEX conversation_ratings_closed_idx ON conversation_ratings (closed_at);

CREATE TABLE conversation_dismissals (
  conversation_id text PRIMARY KEY,
  visitor_key text NOT NULL,
  dismissed_at timestamptz NOT NULL,
  closed_at timestamptz NOT NULL
);
CREATE INDEX conversation_dismissals_closed_idx ON conversation_dismissals (closed_at);

-- Ratings counted by the Italian day the chat opened, audience and user category ('other' for a
-- role outside the institute's split). Nothing personal: the counts outlive the ratings, which
-- the retention purge deletes, so the published figures keep their whole history.
CREATE TABLE rating_counts (
  day date NOT NULL,
  audience text NOT NULL CHECK (audience IN ('workers', 'employers')),
  category text NOT NULL CHECK (category IN ('worker', 'employer', 'intermediary', 'other')),
  ratings integer NOT NULL DEFAULT 0 CHECK (ratings >= 0),
  stars integer NOT NULL DEFAULT 0 CHECK (stars >= 0),
  PRIMARY KEY (day, audience, category)
);
