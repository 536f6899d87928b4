-- scheduling 002: conferences and their data keys.
--
-- A conference is stored as two protobuf blobs: `record` (fgc.v1.Conference without personal
-- details: stage, transitions, coordinator, deadlines...) and `sealed` (the personal details:
-- the referral's words, the children, those with parental responsibility) sealed with
-- AES-256-GCM under the conference's data key. The columns beside them are what listing,
-- filtering and the rules need, and hold no personal details.
CREATE TABLE data_keys (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  erased_at    timestamptz,
  PRIMARY KEY (tenant, conference),
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

CREATE TABLE conferences (
  tenant               text        NOT NULL CHECK (tenant <> ''),
  id                   text        NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  stage                smallint    NOT NULL CHECK (stage BETWEEN 1 AND 9),
  urgency              smallint    NOT NULL CHECK (urgency BETWEEN 1 AND 2),
  referring_agency     text        NOT NULL,
  referrer_subject     text        NOT NULL,
  coordinator_subject  text        NOT NULL DEFAULT '',
  -- The earliest due time of a deadline not yet met; NULL when none is pending. Overdue means
  -- next_due < now().
  next_due             timestamptz,
  create_time          timestamptz NOT NULL,
  update_time          timestamptz NOT NULL,
  version              bigint      NOT NULL CHECK (version > 0),
  record               bytea       NOT NULL,
  sealed               bytea       NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX conferences_by_stage ON conferences (tenant, stage, create_time, id);
CREATE INDEX conferences_by_coordinator ON conferences (tenant, coordinator_subject, create_time, id);
CREATE INDEX conferences_by_agency ON conferences (tenant, referring_agency, create_time, id);
CREATE INDEX conferences_by_due ON conferences (tenant, next_due) WHERE next_due IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['data_keys', 'conferences'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                   'USING (tenant = current_setting(''fgc.tenant'', true)) '
                   'WITH CHECK (tenant = current_setting(''fgc.tenant'', true))', t);
  END LOOP;
END $$;
