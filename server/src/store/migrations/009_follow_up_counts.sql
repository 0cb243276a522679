-- Follow-ups opened and answered, counted by Italian calendar day, audience and user category
-- (worker, employer, intermediary; 'other' for a role outside the institute's split). Nothing
-- personal: the counts outlive the follow-ups themselves, which the retention purge deletes once
-- answered, so the published figures keep their whole history.
CREATE TABLE follow_up_counts (
  day date NOT NULL,
  audience text NOT NULL CHECK (audience IN ('workers', 'employers')),
  category text NOT NULL CHECK (category IN ('worker', 'employer', 'intermediary', 'other')),
  opened integer NOT NULL DEFAULT 0 CHECK (opened >= 0),
  answered integer NOT NULL DEFAULT 0 CHECK (answered >= 0),
  PRIMARY KEY (day, audience, category)
);

-- The follow-ups still kept; those purged before now are gone, and so are their counts.
INSERT INTO follow_up_counts (day, audience, category, opened, answered)
SELECT day, audience, category, sum(opened)::int, sum(answered)::int
FROM (
  SELECT f.queue AS audience,
         CASE f.visitor_role
           WHEN 'lavoratore' THEN 'worker'
           WHEN 'titolare' THEN 'employer'
           WHEN 'legale_rappresentante' THEN 'employer'
           WHEN 'consulente' THEN 'intermediary'
           ELSE 'other'
         END AS category,
         e.day, e.opened, e.answered
  FROM follow_ups f
  CROSS JOIN LATERAL (
    VALUES ((f.created_at AT TIME ZONE 'Europe/Rome')::date, 1, 0),
           ((f.answered_at AT TIME ZONE 'Europe/Rome')::date, 0, 1)
  ) AS e (day, opened, answered)
  WHERE e.day IS NOT NULL
) events
GROUP BY day, audience, category;
