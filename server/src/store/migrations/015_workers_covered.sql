-- How many workers an application covers, kept on the application: the worker's and the company's
-- claims read it with the application instead of counting its application_workers rows on every
-- read (about 1,100 per application on a national store, read at every visitor's connect).
ALTER TABLE applications ADD COLUMN workers_covered integer NOT NULL DEFAULT 0;

UPDATE applications a
SET workers_covered = c.n
FROM (SELECT application_id, count(*) AS n FROM application_workers GROUP BY application_id) c
WHERE a.id = c.application_id;

-- Statement-level, with transition tables: a bulk insert of a million rows updates each
-- application once, not once per row. An update (a row moved to another application) counts as
-- its old rows removed and its new rows added.
CREATE FUNCTION application_workers_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE applications a SET workers_covered = a.workers_covered + d.n
    FROM (SELECT application_id, count(*) AS n FROM added GROUP BY application_id) d
    WHERE a.id = d.application_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE applications a SET workers_covered = a.workers_covered - d.n
    FROM (SELECT application_id, count(*) AS n FROM removed GROUP BY application_id) d
    WHERE a.id = d.application_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER application_workers_count_insert AFTER INSERT ON application_workers
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION application_workers_recount();
CREATE TRIGGER application_workers_count_delete AFTER DELETE ON application_workers
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION application_workers_recount();
CREATE TRIGGER application_workers_count_update AFTER UPDATE ON application_workers
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION application_workers_recount();
