-- The access audit gets a witness the database cannot rewrite, and the server's role loses the
-- power to rewrite it:
-- * each row gets its position in the chain (seq); from now on the server links rows with an HMAC
--   whose key the database never holds (rows written before this migration keep their SHA-256
--   links and are vouched for by one signed "legacy" checkpoint the server writes once);
-- * every batch the server writes also writes a signed checkpoint of the head (seq, hash), so
--   removing the newest rows no longer leaves a chain that looks whole;
-- * rows leave only through access_audit_purge(): SECURITY DEFINER, owned by the NOLOGIN role
--   infocig_audit_owner; it deletes only rows past retention and moves the anchor, signed by the
--   server, in the same transaction. The infocig.audit_purge session setting no longer opens
--   anything;
-- * the audit tables and the function belong to infocig_audit_owner. The server's role is granted
--   SELECT and INSERT (and EXECUTE on the purge) after migrating (server/src/store/server-role.ts),
--   never UPDATE, DELETE or TRUNCATE. A superuser bypasses all of this: production connects as an
--   ordinary role and migrates through DATABASE_ADMIN_URL (README, "Who sees what").

ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only;
ALTER TABLE access_audit ADD COLUMN seq bigint;
UPDATE access_audit a SET seq = r.n
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM access_audit) r
  WHERE a.id = r.id;
ALTER TABLE access_audit ALTER COLUMN seq SET NOT NULL;
ALTER TABLE access_audit ENABLE TRIGGER access_audit_append_only;
CREATE UNIQUE INDEX access_audit_seq_idx ON access_audit (seq);

-- seq 0: an anchor from before this migration, vouched for by the legacy checkpoint; else signed.
ALTER TABLE access_audit_anchor ADD COLUMN last_purged_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE access_audit_anchor ADD COLUMN mac text;

CREATE TABLE access_audit_checkpoint (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  legacy boolean NOT NULL DEFAULT false,
  at timestamptz NOT NULL DEFAULT now(),
  mac text NOT NULL
);
CREATE INDEX access_audit_checkpoint_seq_idx ON access_audit_checkpoint (seq);

-- The shortest retention the database lets anyone purge to, whatever the server asks.
CREATE TABLE access_audit_policy (
  id integer PRIMARY KEY CHECK (id = 1),
  min_retention interval NOT NULL
);
INSERT INTO access_audit_policy VALUES (1, interval '30 days');

-- Rows are never updated; they are deleted only by the tables' owner (the purge function runs as it).
CREATE OR REPLACE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) = current_user THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION access_audit_owner_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) = current_user THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION '% changes only through access_audit_purge() (%)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION access_audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_no_truncate();
CREATE TRIGGER access_audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON access_audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
CREATE TRIGGER access_audit_checkpoint_no_truncate BEFORE TRUNCATE ON access_audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_no_truncate();
CREATE TRIGGER access_audit_anchor_owner_only BEFORE INSERT OR UPDATE OR DELETE ON access_audit_anchor
  FOR EACH ROW EXECUTE FUNCTION access_audit_owner_only();
CREATE TRIGGER access_audit_anchor_no_truncate BEFORE TRUNCATE ON access_audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_no_truncate();

-- verify needs only the newest checkpoint, and the legacy one while no signed anchor has passed
-- it; the others (one per batch written) go, so the table stays small.
CREATE FUNCTION access_audit_prune_checkpoints() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  v_pruned bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('infocig.audit:' || current_schema()));
  DELETE FROM access_audit_checkpoint
    WHERE seq < (SELECT max(seq) FROM access_audit_checkpoint)
      AND (NOT legacy
           OR seq <= (SELECT coalesce(max(last_purged_seq), -1) FROM access_audit_anchor WHERE mac IS NOT NULL));
  GET DIAGNOSTICS v_pruned = ROW_COUNT;
  RETURN v_pruned;
END
$$;

-- The only way rows leave. The server names the last row to remove (seq and hash) and passes the
-- anchor's MAC, which it alone can compute; the function checks that every row up to it is older
-- than the cutoff and the cutoff older than the minimum retention, deletes them, moves the anchor
-- and drops checkpoints nothing needs any more.
CREATE FUNCTION access_audit_purge(p_cutoff timestamptz, p_through_seq bigint, p_through_hash text, p_anchor_mac text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  v_floor timestamptz;
  v_base_seq bigint;
  v_through_id bigint;
  v_deleted bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('infocig.audit:' || current_schema()));
  SELECT now() - min_retention INTO v_floor FROM access_audit_policy WHERE id = 1;
  IF v_floor IS NULL OR p_cutoff > v_floor THEN
    RAISE EXCEPTION 'access audit purge: cutoff % is within the minimum retention', p_cutoff
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT coalesce(max(last_purged_seq), 0) INTO v_base_seq FROM access_audit_anchor;
  IF p_through_seq <= v_base_seq THEN
    RAISE EXCEPTION 'access audit purge: row % is already purged', p_through_seq
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT id INTO v_through_id FROM access_audit WHERE seq = p_through_seq AND hash = p_through_hash;
  IF v_through_id IS NULL THEN
    RAISE EXCEPTION 'access audit purge: no row % with that hash', p_through_seq
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM access_audit WHERE seq <= p_through_seq AND at >= p_cutoff) THEN
    RAISE EXCEPTION 'access audit purge: rows up to % are not all older than %', p_through_seq, p_cutoff
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  DELETE FROM access_audit WHERE seq <= p_through_seq;
  GET DIAGNOSTICS v_deleted = ROW_COUNT;
  INSERT INTO access_audit_anchor (id, last_purged_id, last_purged_seq, last_purged_hash, purged_at, mac)
    VALUES (1, v_through_id, p_through_seq, p_through_hash, now(), p_anchor_mac)
    ON CONFLICT (id) DO UPDATE SET last_purged_id = EXCLUDED.last_purged_id,
      last_purged_seq = EXCLUDED.last_purged_seq, last_purged_hash = EXCLUDED.last_purged_hash,
      purged_at = EXCLUDED.purged_at, mac = EXCLUDED.mac;
  PERFORM access_audit_prune_checkpoints();
  RETURN v_deleted;
END
$$;

-- The functions must not resolve names through a search path their caller chose.
DO $$
BEGIN
  EXECUTE format(
    'ALTER FUNCTION access_audit_purge(timestamptz, bigint, text, text) SET search_path = %I, pg_temp',
    current_schema());
  EXECUTE format('ALTER FUNCTION access_audit_prune_checkpoints() SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION access_audit_purge(timestamptz, bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION access_audit_prune_checkpoints() FROM PUBLIC;

-- Roles are shared by the whole cluster: another schema's migration may be creating it right now.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infocig_audit_owner') THEN
    BEGIN
      CREATE ROLE infocig_audit_owner NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO infocig_audit_owner', current_schema());
END
$$;
ALTER TABLE access_audit OWNER TO infocig_audit_owner;
ALTER TABLE access_audit_anchor OWNER TO infocig_audit_owner;
ALTER TABLE access_audit_checkpoint OWNER TO infocig_audit_owner;
ALTER TABLE access_audit_policy OWNER TO infocig_audit_owner;
ALTER FUNCTION access_audit_purge(timestamptz, bigint, text, text) OWNER TO infocig_audit_owner;
ALTER FUNCTION access_audit_prune_checkpoints() OWNER TO infocig_audit_owner;
ALTER FUNCTION access_audit_append_only() OWNER TO infocig_audit_owner;
ALTER FUNCTION access_audit_owner_only() OWNER TO infocig_audit_owner;
ALTER FUNCTION access_audit_no_truncate() OWNER TO infocig_audit_owner;
REVOKE ALL ON access_audit, access_audit_anchor, access_audit_checkpoint, access_audit_policy FROM PUBLIC;
