-- invitations 003: invitations with their one-time links, the family's answers, and the
-- family's view of each conference.
--
-- An invitation is two protobuf blobs like a member: `record` (fgc.v1.Invitation without the
-- answer's views and needs and without the coordinator's message) and `sealed` (those, sealed
-- under the conference's data key). Where it stands in delivery (sent, delivered, bounced) is
-- read from its newest INVITATION notification in the outbox, never copied here.
CREATE TABLE invitations (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,  -- the conference's resource name
  id           text        NOT NULL CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
  member       text        NOT NULL,  -- the member's resource name
  version      bigint      NOT NULL CHECK (version > 0),
  revoked      boolean     NOT NULL DEFAULT false,
  record       bytea       NOT NULL,
  sealed       bytea       NOT NULL,
  create_time  timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, id)
);
-- A member has at most one invitation that is not revoked (SendInvitation: ALREADY_EXISTS).
CREATE UNIQUE INDEX invitations_one_live_per_member
  ON invitations (tenant, conference, member) WHERE NOT revoked;

-- Every link ever issued, by the SHA-256 of its token. A family request carries only the token,
-- so this is the one table read before the tenant is known: it holds no personal data (a
-- digest, resource names and times) and has no row-level security. Replaced and revoked links
-- stay, so that a stale link is refused exactly like an unknown one.
CREATE TABLE invitation_links (
  digest       bytea       PRIMARY KEY CHECK (length(digest) = 32),
  tenant       text        NOT NULL,
  conference   text        NOT NULL,
  invitation   text        NOT NULL,  -- the invitation's id within the conference
  issue_time   timestamptz NOT NULL,
  expire_time  timestamptz NOT NULL,
  revoke_time  timestamptz,
  replace_time timestamptz
);
CREATE INDEX invitation_links_by_invitation ON invitation_links (tenant, conference, invitation);

-- What the family's pages show of a conference that only scheduling owns: the children's names,
-- the coordinator, the stage, the booking and its venue. A family token cannot read
-- scheduling, so this copy is refreshed from SchedulingService each time staff work on the
-- conference's invitations or notify its network. Sealed: the names are personal.
CREATE TABLE family_views (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  sealed       bytea       NOT NULL,
  update_time  timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference)
);

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
ALTER TABLE family_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_views FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON family_views
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
