-- scheduling 003: venues, and the bookings that PostgreSQL keeps from ever double-booking a
-- venue or a coordinator.
--
-- A venue is a public place, not personal data: its record is stored in clear.
CREATE TABLE venues (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  id           text        NOT NULL CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
  record       bytea       NOT NULL,
  create_time  timestamptz NOT NULL,
  PRIMARY KEY (tenant, id)
);

-- One row per booked meeting (a conference, or a review conference), kept when cancelled so
-- that calendars receive the cancellation. The exclusion constraints are the guarantee: two
-- confirmed bookings of one venue, or of one coordinator, can never overlap, whatever races
-- between requests or hosts. btree_gist (provisioning installs it) gives gist the = on text.
CREATE TABLE bookings (
  tenant               text        NOT NULL CHECK (tenant <> ''),
  calendar_uid         text        NOT NULL,
  conference           text        NOT NULL,   -- the conference's id
  venue                text        NOT NULL DEFAULT '',  -- '' when everyone joins remotely
  coordinator_subject  text        NOT NULL,
  during               tstzrange   NOT NULL CHECK (NOT isempty(during)),
  confirmed            boolean     NOT NULL,
  PRIMARY KEY (tenant, calendar_uid),
  CONSTRAINT venue_not_double_booked EXCLUDE USING gist
    (tenant WITH =, venue WITH =, during WITH &&) WHERE (confirmed AND venue <> ''),
  CONSTRAINT coordinator_not_double_booked EXCLUDE USING gist
    (tenant WITH =, coordinator_subject WITH =, during WITH &&) WHERE (confirmed)
);
CREATE INDEX bookings_by_conference ON bookings (tenant, conference);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['venues', 'bookings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                   'USING (tenant = current_setting(''fgc.tenant'', true)) '
                   'WITH CHECK (tenant = current_setting(''fgc.tenant'', true))', t);
  END LOOP;
END $$;
