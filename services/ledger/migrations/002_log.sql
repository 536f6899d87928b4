-- ledger 002: the tamper-evident log (DESIGN section 5). One append-only Merkle log per tenant.
-- Every table leads with the tenant and sits behind row-level security (common/db/pool.h).

-- The log's head: how many entries are integrated and the root over them. One row per tenant,
-- locked FOR UPDATE by the sequencer, so appends to one tenant's log are serialised in order.
CREATE TABLE log_head (
  tenant      text        NOT NULL CHECK (tenant <> ''),
  size        bigint      NOT NULL CHECK (size >= 0),
  root_hash   bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant)
);

-- The entries. leaf_data is stored exactly as hashed (the canonical serialisation, with personal
-- fields sealed by the conference's data key); leaf_hash = SHA-256(0x00 || leaf_data). The other
-- columns are indexes over it for ListEntries and CheckConsent, never a second truth.
CREATE TABLE entries (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  idx          bigint      NOT NULL CHECK (idx >= 0),
  kind         smallint    NOT NULL,
  conference   text        NOT NULL,
  subject      text        NOT NULL,
  purpose      smallint    NOT NULL DEFAULT 0,
  grantor      text        NOT NULL DEFAULT '',
  supersedes   bigint,
  occur_time   timestamptz NOT NULL,
  record_time  timestamptz NOT NULL,
  request_id   text        NOT NULL CHECK (request_id <> ''),
  request_hash bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
  leaf_data    bytea       NOT NULL,
  leaf_hash    bytea       NOT NULL CHECK (octet_length(leaf_hash) = 32),
  PRIMARY KEY (tenant, idx),
  UNIQUE (tenant, request_id)
);
CREATE INDEX entries_by_subject ON entries (tenant, conference, subject, purpose, idx);
CREATE INDEX entries_by_time ON entries (tenant, record_time, idx);
CREATE INDEX entries_supersedes ON entries (tenant, supersedes) WHERE supersedes IS NOT NULL;

-- Perfect subtree hashes: node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
-- Written once when the subtree completes, never changed: a proof reads O(log n) of them.
CREATE TABLE tree_nodes (
  tenant  text     NOT NULL CHECK (tenant <> ''),
  level   smallint NOT NULL CHECK (level BETWEEN 0 AND 63),
  idx     bigint   NOT NULL CHECK (idx >= 0),
  hash    bytea    NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (tenant, level, idx)
);

-- Signed checkpoints, one per integrated batch: the C2SP signed note, byte for byte.
CREATE TABLE checkpoints (
  tenant     text        NOT NULL CHECK (tenant <> ''),
  size       bigint      NOT NULL CHECK (size >= 0),
  root_hash  bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
  note       bytea       NOT NULL,
  signed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, size)
);

-- Per-conference data keys, wrapped by the key-encryption key. Erasure deletes the wrapped key
-- (crypto-shredding) and keeps the row as the record that it happened.
CREATE TABLE data_keys (
  tenant       text        NOT NULL CHECK (tenant <> ''),
  conference   text        NOT NULL,
  wrapped_key  bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  erased_at    timestamptz,
  erase_reason text,
  PRIMARY KEY (tenant, conference),
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['log_head', 'entries', 'tree_nodes', 'checkpoints', 'data_keys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                   'USING (tenant = current_setting(''fgc.tenant'', true)) '
                   'WITH CHECK (tenant = current_setting(''fgc.tenant'', true))', t);
  END LOOP;
END $$;

-- The log is append-only: no role may change or remove an entry, a node or a checkpoint. (Erasure
-- touches data_keys only.) A trigger stops even the table owner.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tree_nodes_append_only BEFORE UPDATE OR DELETE ON tree_nodes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
