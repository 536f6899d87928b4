-- invitations 004: the notification outbox (services/invitations/outbox).
--
-- A notification is written in the same transaction as the change that caused it and sent later
-- by the outbox worker. What is sent (the address, the rendered subject and body or SMS text) is
-- `sealed` under the conference's data key, and wiped (set NULL) as soon as the message leaves
-- the queue (sent, bounced, failed or superseded): an invitation message holds the family's
-- one-time link, and the token must not live on in the database. The staff recipient (their
-- name and work address) is sealed too, and kept, so that listings can say who was told.
-- last_error holds the provider's reply with the recipient's address taken out: no personal data.
CREATE TABLE notifications (
  tenant           text        NOT NULL CHECK (tenant <> ''),
  conference       text        NOT NULL,  -- the conference's resource name
  id               text        NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  member           text,                  -- the member's resource name; NULL for staff
  staff_recipient  bytea,                 -- fgc.v1.StaffMember, sealed; NULL for a member
  kind             text        NOT NULL CHECK (kind IN ('INVITATION', 'AVAILABILITY_REMINDER',
                     'CONFERENCE_BOOKED', 'CONFERENCE_RESCHEDULED', 'CONFERENCE_CANCELLED',
                     'REVIEW_SCHEDULED', 'PLAN_DISTRIBUTED')),
  channel          text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  state            text        NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'DELIVERED',
                     'BOUNCED', 'FAILED')),
  attempt_count    integer     NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
  next_attempt_at  timestamptz,
  last_error       text        NOT NULL DEFAULT '',
  related_resource text        NOT NULL DEFAULT '',
  invitation       text,                  -- the invitation's resource name, for INVITATION only
  sealed           bytea,
  create_time      timestamptz NOT NULL,
  send_time        timestamptz,
  deliver_time     timestamptz,
  PRIMARY KEY (tenant, conference, id),
  CHECK ((member IS NULL) <> (staff_recipient IS NULL)),
  CHECK ((kind = 'INVITATION') = (invitation IS NOT NULL)),
  -- Queued rows wait for a time and carry what to send; every other row carries nothing.
  CHECK ((state = 'QUEUED') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'QUEUED') = (sealed IS NOT NULL))
);
-- The newest INVITATION notification of an invitation (its delivery state), and superseding.
CREATE INDEX notifications_by_invitation
  ON notifications (tenant, invitation, create_time DESC) WHERE invitation IS NOT NULL;

-- What the worker needs to find due messages across all tenants. Row-level security hides every
-- notification from a transaction without fgc.tenant, and a SECURITY DEFINER function would not
-- help (the owner is the service role, and FORCE applies to it too), so the queue keeps this
-- small index of its own: resource names, the channel and a time, no personal data. A trigger
-- on notifications keeps it exact (a row here for every QUEUED notification and no other), so
-- no code path can forget it. Tenant transactions see and write only their tenant's rows; a
-- transaction with no tenant (the worker's) may read, never write, every tenant's rows. The
-- worker then claims each message inside a transaction for its tenant, where the policies of
-- notifications apply as everywhere else.
CREATE TABLE outbox_due (
  tenant           text        NOT NULL CHECK (tenant <> ''),
  conference       text        NOT NULL,
  id               text        NOT NULL,
  channel          text        NOT NULL,
  next_attempt_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, id),
  FOREIGN KEY (tenant, conference, id) REFERENCES notifications ON DELETE CASCADE
);
CREATE INDEX outbox_due_by_time ON outbox_due (next_attempt_at);

CREATE FUNCTION outbox_due_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'QUEUED' THEN
    INSERT INTO outbox_due (tenant, conference, id, channel, next_attempt_at)
    VALUES (NEW.tenant, NEW.conference, NEW.id, NEW.channel, NEW.next_attempt_at)
    ON CONFLICT (tenant, conference, id)
      DO UPDATE SET next_attempt_at = EXCLUDED.next_attempt_at;
  ELSE
    DELETE FROM outbox_due
      WHERE tenant = NEW.tenant AND conference = NEW.conference AND id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER outbox_due_track AFTER INSERT OR UPDATE OF state, next_attempt_at
  ON notifications FOR EACH ROW EXECUTE FUNCTION outbox_due_track();

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
ALTER TABLE outbox_due ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_due FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_due
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
-- An unset fgc.tenant reads as NULL, or as '' once a transaction-local setting has ended.
CREATE POLICY outbox_worker_reads ON outbox_due FOR SELECT
  USING (coalesce(current_setting('fgc.tenant', true), '') = '');
