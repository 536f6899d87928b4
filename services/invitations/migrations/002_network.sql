-- invitations 002: the family network of each conference, and the conferences' data keys.
--
-- A member is stored as two protobuf blobs: `record` (fgc.v1.NetworkMember without personal
-- details: roles, the child they relate to, language, time zone, connection, restriction) and
-- `sealed` (their name, how the family describes the relationship, contacts, notes, the details
-- of their needs and relationships) sealed with AES-256-GCM under the conference's data key.
CREATE TABLE data_keys (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  erased_at    timestamptz,
  PRIMARY KEY (tenant, conference),
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

CREATE TABLE members (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,  -- the conference's resource name
  id           text        NOT NULL CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
  version      bigint      NOT NULL CHECK (version > 0),
  record       bytea       NOT NULL,
  sealed       bytea       NOT NULL,
  create_time  timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, id)
);

ALTER TABLE data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON data_keys
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON members
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
