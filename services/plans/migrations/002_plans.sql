-- plans 002: each conference's plan, its submitted versions, and the conferences' data keys.
--
-- A plan is one row: its state in the clear (what the rules and listing need, nothing personal)
-- and `sealed`, the whole fgc.v1.Plan (the family's draft, resource requests, progress) sealed
-- with AES-256-GCM under the conference's data key. Each submitted version is one row:
-- `sealed_content` (the plan as submitted, never changed: a trigger refuses it, so "a version
-- never changes" holds even against a bug in this service) and `sealed_record` (decisions and
-- distribution, which grow). Erasing the conference's data key leaves every row unreadable.
CREATE TABLE data_keys (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  erased_at    timestamptz,
  PRIMARY KEY (tenant, conference),
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

CREATE TABLE plans (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,  -- the conference's resource name
  id           text        NOT NULL CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
  state        smallint    NOT NULL CHECK (state BETWEEN 1 AND 5),
  version      bigint      NOT NULL CHECK (version > 0),
  sealed       bytea       NOT NULL,
  create_time  timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, id),
  UNIQUE (tenant, conference)  -- one plan per conference
);

CREATE TABLE plan_versions (
  tenant          text        NOT NULL,
  conference      text        NOT NULL,
  plan_id         text        NOT NULL,
  number          integer     NOT NULL CHECK (number > 0),
  state           smallint    NOT NULL CHECK (state BETWEEN 1 AND 5),
  sealed_content  bytea       NOT NULL,
  sealed_record   bytea       NOT NULL,
  submit_time     timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, plan_id, number),
  FOREIGN KEY (tenant, conference, plan_id) REFERENCES plans (tenant, conference, id)
);

CREATE FUNCTION plan_version_content_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a submitted plan version is never removed' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.sealed_content IS DISTINCT FROM OLD.sealed_content
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.submit_time IS DISTINCT FROM OLD.submit_time THEN
    RAISE EXCEPTION 'a submitted plan version never changes' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_version_content_is_immutable BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_version_content_is_immutable();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['data_keys', 'plans', 'plan_versions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                   'USING (tenant = current_setting(''fgc.tenant'', true)) '
                   'WITH CHECK (tenant = current_setting(''fgc.tenant'', true))', t);
  END LOOP;
END $$;
