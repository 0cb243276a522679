-- The access audit becomes tamper-evident and append-only:
-- * each row carries the hash of the previous row and its own (SHA-256 over the previous hash and
--   the row's fields), so altering or deleting a row breaks the chain at that point;
-- * a trigger refuses UPDATE always, and DELETE except inside the retention purge, which records
--   the hash of the last row it removed as the anchor the chain is verified from;
-- * refused attempts to read someone else's data are recorded too (outcome 'refused').
ALTER TABLE access_audit ADD COLUMN actor_name text NOT NULL DEFAULT '';
ALTER TABLE access_audit ADD COLUMN outcome text NOT NULL DEFAULT 'granted' CHECK (outcome IN ('granted', 'refused'));
ALTER TABLE access_audit ADD COLUMN prev_hash text NOT NULL DEFAULT '';
ALTER TABLE access_audit ADD COLUMN hash text NOT NULL DEFAULT '';
ALTER TABLE access_audit DROP CONSTRAINT access_audit_actor_role_check;
ALTER TABLE access_audit ADD CONSTRAINT access_audit_actor_role_check
  CHECK (actor_role IN ('advisor', 'supervisor', 'lavoratore', 'titolare', 'legale_rappresentante', 'consulente'));

CREATE TABLE access_audit_anchor (
  id integer PRIMARY KEY CHECK (id = 1),
  last_purged_id bigint NOT NULL,
  last_purged_hash text NOT NULL,
  purged_at timestamptz NOT NULL
);

CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('infocig.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'access_audit is append-only (%)', TG_OP;
END
$$;

CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
  FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
