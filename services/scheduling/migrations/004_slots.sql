-- scheduling 004: the candidate times proposed for a conference, and each network member's
-- answer per slot. Member names are resource names (identifiers), not personal details.
CREATE TABLE slots (
  tenant            text        NOT NULL CHECK (tenant <> ''),
  conference        text        NOT NULL,  -- the conference's id
  id                text        NOT NULL,
  start_time        timestamptz NOT NULL,
  end_time          timestamptz NOT NULL CHECK (end_time > start_time),
  venue             text        NOT NULL DEFAULT '',
  remote_available  boolean     NOT NULL,
  create_time       timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, id)
);
CREATE INDEX slots_by_start ON slots (tenant, conference, start_time, id);

CREATE TABLE availability (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  slot         text        NOT NULL,
  member       text        NOT NULL,  -- the network member's resource name
  answer       smallint    NOT NULL CHECK (answer BETWEEN 1 AND 3),
  mode         smallint    NOT NULL DEFAULT 0 CHECK (mode BETWEEN 0 AND 2),
  record_time  timestamptz NOT NULL,
  recorded_by  bytea       NOT NULL,  -- fgc.v1.Actor
  PRIMARY KEY (tenant, conference, slot, member),
  FOREIGN KEY (tenant, conference, slot) REFERENCES slots (tenant, conference, id)
);

ALTER TABLE slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE slots FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON slots
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
ALTER TABLE availability ENABLE ROW LEVEL SECURITY;
ALTER TABLE availability FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON availability
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
