-- invitations 006: which members a plan version was distributed to (SendNotification of
-- PLAN_DISTRIBUTED, reached by the outbox or to be given it another way), so GetMyInvitation can
-- tell a family member that a plan awaits them. Names only; nothing personal.
CREATE TABLE plan_recipients (
  tenant           text        NOT NULL CHECK (tenant <> ''),
  member           text        NOT NULL,  -- the member's resource name
  plan_version     text        NOT NULL,
  distribute_time  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, member, plan_version)
);

ALTER TABLE plan_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_recipients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_recipients
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
