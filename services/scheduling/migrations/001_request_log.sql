-- scheduling 001: the idempotency record (AIP-155). Every mutation stores its request_id with a
-- hash of the request body and the response it gave, so a retry gets the first response and a
-- reused id with another body is refused. Rows are kept per tenant, behind row-level security.
CREATE TABLE request_log (
  tenant        text        NOT NULL,
  request_id    text        NOT NULL,
  method        text        NOT NULL,
  request_hash  bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
  response      bytea       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, request_id),
  CHECK (request_id <> '' AND octet_length(request_id) <= 128)
);
CREATE INDEX request_log_created_at ON request_log (created_at);

ALTER TABLE request_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE request_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON request_log
  USING (tenant = current_setting('fgc.tenant', true))
  WITH CHECK (tenant = current_setting('fgc.tenant', true));
