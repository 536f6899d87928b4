-- invitations 005: reminders before the availability deadline (reminder_job.h).
--
-- A reminder must carry the member's working link, and the service keeps only digests of
-- tokens. Every link is derived (reminder_link.h): HMAC under the conference's data key of the
-- invitation, its resend count and a seed, the request_id of the call that issued the link or a
-- random 16-byte nonce. `link_seed` holds the current link's seed, sealed under the conference's
-- data key like the personal parts: whoever can open it can rebuild the link, so its protection
-- is exactly the personal data's (the key-encryption key plus the database). NULL for links
-- issued before this migration (random, not derivable: no reminder) and once revoked.
ALTER TABLE invitations ADD COLUMN link_seed bytea;

-- The deadline in clear beside the sealed family view (a time, no personal data), so that a
-- trigger can keep the tenant-less index below.
ALTER TABLE family_views ADD COLUMN availability_deadline timestamptz;

-- What the reminder job needs to find conferences whose deadline is near across all tenants.
-- Row-level security hides every family view from a transaction without fgc.tenant, so, as with
-- outbox_due (004), a small index of resource names and a time, no personal data, is kept exact
-- by a trigger on family_views: a row for every conference with a deadline and no other. Tenant
-- transactions see and write only their tenant's rows; a transaction with no tenant (the job's)
-- may read, never write, every tenant's rows. The job then works on each conference inside a
-- transaction for its tenant, where the policies of invitations apply as everywhere else.
CREATE TABLE reminder_deadlines (
  tenant                text        NOT NULL CHECK (tenant <> ''),
  conference            text        NOT NULL,
  availability_deadline timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference),
  FOREIGN KEY (tenant, conference) REFERENCES family_views ON DELETE CASCADE
);
CREATE INDEX reminder_deadlines_by_time ON reminder_deadlines (availability_deadline);

CREATE FUNCTION reminder_deadlines_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.availability_deadline IS NOT NULL THEN
    INSERT INTO reminder_deadlines (tenant, conference, availability_deadline)
    VALUES (NEW.tenant, NEW.conference, NEW.availability_deadline)
    ON CONFLICT (tenant, conference)
      DO UPDATE SET availability_deadline = EXCLUDED.availability_deadline;
  ELSE
    DELETE FROM reminder_deadlines WHERE tenant = NEW.tenant AND conference = NEW.conference;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER reminder_deadlines_track AFTER INSERT OR UPDATE OF availability_deadline
  ON family_views FOR EACH ROW EXECUTE FUNCTION reminder_deadlines_track();

-- One row per reminder queued: an invitation is reminded once per deadline (the primary key
-- makes a second one impossible, even from two hosts at once); a moved deadline is a new key.
CREATE TABLE invitation_reminders (
  tenant                text        NOT NULL CHECK (tenant <> ''),
  conference            text        NOT NULL,
  invitation            text        NOT NULL,  -- the invitation's id within the conference
  availability_deadline timestamptz NOT NULL,
  notification          text        NOT NULL,  -- the AVAILABILITY_REMINDER's resource name
  create_time           timestamptz NOT NULL,
  PRIMARY KEY (tenant, conference, invitation, availability_deadline),
  FOREIGN KEY (tenant, conference, invitation) REFERENCES invitations ON DELETE CASCADE
);

ALTER TABLE invitation_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitation_reminders
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
ALTER TABLE reminder_deadlines ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminder_deadlines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reminder_deadlines
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
-- An unset fgc.tenant reads as NULL, or as '' once a transaction-local setting has ended.
CREATE POLICY reminder_job_reads ON reminder_deadlines FOR SELECT
  USING (coalesce(current_setting('fgc.tenant', true), '') = '');
