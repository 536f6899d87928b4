#include "services/ledger/batch_rows.h"

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"

namespace fgc::ledger {
namespace {

// bytea in its hex text form, for a parameter PostgreSQL types as bytea.
std::string HexBytea(std::string_view bytes) {
  return absl::StrCat("\\x", crypto::HexEncode(bytes));
}

// Times travel as microseconds since the epoch: exact both ways.
constexpr char kWrite[] = R"sql(
WITH new_entries AS (
  INSERT INTO entries (tenant, idx, kind, conference, subject, purpose, grantor, supersedes,
                       occur_time, record_time, request_id, request_hash, leaf_data, leaf_hash)
  SELECT $1, idx, kind, conference, subject, purpose, grantor, supersedes,
         'epoch'::timestamptz + occur * interval '1 microsecond',
         'epoch'::timestamptz + record * interval '1 microsecond',
         request_id, request_hash, leaf_data, leaf_hash
  FROM unnest($2::bigint[], $3::smallint[], $4::text[], $5::text[], $6::smallint[], $7::text[],
              $8::bigint[], $9::bigint[], $10::bigint[], $11::text[], $12::bytea[], $13::bytea[],
              $14::bytea[])
    AS r(idx, kind, conference, subject, purpose, grantor, supersedes, occur, record,
         request_id, request_hash, leaf_data, leaf_hash)
), new_nodes AS (
  INSERT INTO tree_nodes (tenant, level, idx, hash)
  SELECT $1, * FROM unnest($15::smallint[], $16::bigint[], $17::bytea[])
), new_head AS (
  UPDATE log_head SET size = $18, root_hash = $19::bytea, updated_at = now() WHERE tenant = $1
)
INSERT INTO checkpoints (tenant, size, root_hash, note, signed_at)
VALUES ($1, $18, $19::bytea, $20::bytea, 'epoch'::timestamptz + $21 * interval '1 microsecond')
)sql";

}  // namespace

void BatchRows::AddEntry(int64_t index, const PendingAppend& p, absl::Time record_time,
                         const std::string& leaf, const std::string& leaf_hash) {
  const EntryColumns& c = p.columns;
  idx_.AddInt(index);
  kind_.AddInt(c.kind);
  conference_.Add(c.conference);
  subject_.Add(c.subject);
  purpose_.AddInt(c.purpose);
  grantor_.Add(c.grantor);
  supersedes_.AddInt(c.supersedes);
  occur_.AddInt(absl::ToUnixMicros(c.occur_time));
  record_.AddInt(absl::ToUnixMicros(record_time));
  request_id_.Add(p.request_id);
  request_hash_.AddBytes(p.request_hash);
  leaf_data_.AddBytes(leaf);
  leaf_hash_.AddBytes(leaf_hash);
}

void BatchRows::AddNodes(std::span<const log::Node> nodes) {
  for (const auto& n : nodes) {
    node_level_.AddInt(n.id.level);
    node_idx_.AddInt(static_cast<int64_t>(n.id.index));
    node_hash_.AddBytes(n.hash);
  }
}

void BatchRows::Write(pqxx::work& tx, const std::string& tenant,
                      const StoredCheckpoint& checkpoint) {
  tx.exec_params(kWrite, tenant, idx_.Literal(), kind_.Literal(), conference_.Literal(),
                 subject_.Literal(), purpose_.Literal(), grantor_.Literal(), supersedes_.Literal(),
                 occur_.Literal(), record_.Literal(), request_id_.Literal(),
                 request_hash_.Literal(), leaf_data_.Literal(), leaf_hash_.Literal(),
                 node_level_.Literal(), node_idx_.Literal(), node_hash_.Literal(), checkpoint.size,
                 HexBytea(checkpoint.root_hash), HexBytea(checkpoint.note),
                 absl::ToUnixMicros(checkpoint.signed_at));
}

}  // namespace fgc::ledger
