#include "services/ledger/ledger_store.h"

#include <map>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/db/data_key_table.h"
#include "common/db/sql_array.h"
#include "services/ledger/batch_rows.h"
#include "services/ledger/log/compact_range.h"

namespace fgc::ledger {
namespace {

// bytea literals in hex form: no escaping pitfalls, and batch inserts stay one statement.
std::string Bytea(std::string_view bytes) {
  return absl::StrCat("'\\x", crypto::HexEncode(bytes), "'::bytea");
}

std::string Bytes(const pqxx::field& f) { return pqxx::binarystring(f).str(); }

// Times travel as microseconds since the epoch: exact both ways.
std::string Timestamp(absl::Time t) {
  return absl::StrCat("to_timestamp(", absl::ToUnixMicros(t), "::numeric / 1000000)");
}
constexpr char kMicros[] = "(extract(epoch FROM %s) * 1000000)::bigint";

std::string MicrosOf(const char* column) {
  char buf[128];
  std::snprintf(buf, sizeof buf, kMicros, column);
  return buf;
}

absl::Time FromMicros(const pqxx::field& f) { return absl::FromUnixMicros(f.as<int64_t>()); }

StoredCheckpoint CheckpointFromRow(const pqxx::row& row) {
  return {row[0].as<int64_t>(), Bytes(row[1]), Bytes(row[2]), FromMicros(row[3])};
}

StoredEntry EntryFromRow(const pqxx::row& r) {
  StoredEntry e;
  e.index = r[0].as<int64_t>();
  e.columns.kind = r[1].as<int>();
  e.columns.conference = r[2].as<std::string>();
  e.columns.subject = r[3].as<std::string>();
  e.columns.purpose = r[4].as<int>();
  e.columns.grantor = r[5].as<std::string>();
  if (!r[6].is_null()) e.columns.supersedes = r[6].as<int64_t>();
  e.columns.occur_time = FromMicros(r[7]);
  e.record_time = FromMicros(r[8]);
  e.leaf_data = Bytes(r[9]);
  e.leaf_hash = Bytes(r[10]);
  return e;
}

std::string EntryColumnsSql() {
  return absl::StrCat("idx, kind, conference, subject, purpose, grantor, supersedes, ",
                      MicrosOf("occur_time"), ", ", MicrosOf("record_time"),
                      ", leaf_data, leaf_hash");
}

absl::StatusOr<std::vector<std::string>> ReadNodesIn(pqxx::work& tx, const std::string& tenant,
                                                     std::span<const log::NodeId> ids) {
  std::vector<std::string> hashes(ids.size());
  if (ids.empty()) return hashes;
  std::string in;
  for (const auto& id : ids) {
    absl::StrAppend(&in, in.empty() ? "" : ",", "(", static_cast<int>(id.level), ",", id.index,
                    ")");
  }
  pqxx::result rows = tx.exec_params(
      absl::StrCat(
          "SELECT level, idx, hash FROM tree_nodes WHERE tenant = $1 AND (level, idx) IN (", in,
          ")"),
      tenant);
  std::map<log::NodeId, std::string> found;
  for (const auto& r : rows) {
    found[{static_cast<uint8_t>(r[0].as<int>()), r[1].as<uint64_t>()}] = Bytes(r[2]);
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    auto it = found.find(ids[i]);
    if (it == found.end()) {
      return absl::DataLossError(
          absl::StrCat("the log is missing tree node ", log::ToString(ids[i])));
    }
    hashes[i] = it->second;
  }
  return hashes;
}

struct Existing {
  int64_t index;
  std::string request_hash;
};

// The earlier appends with the batch's request_ids: one index probe per id, whatever the
// planner believes of the table. An IN list, or a join it could flatten, was planned from stale
// statistics as a hash join over the tenant's whole log (7 ms a batch at 60,000 entries, and
// growing); LIMIT 1 keeps the subquery per id, and a request_id is unique in a tenant anyway.
std::map<std::string, Existing> ExistingRequests(pqxx::work& tx, const std::string& tenant,
                                                 std::span<const PendingAppend> batch) {
  db::SqlArray ids;
  for (const auto& p : batch) ids.Add(p.request_id);
  std::map<std::string, Existing> existing;
  pqxx::result rows = tx.exec_params(
      "SELECT r.id, e.idx, e.request_hash FROM unnest($2::text[]) AS r(id) "
      "CROSS JOIN LATERAL (SELECT idx, request_hash FROM entries "
      "WHERE tenant = $1 AND request_id = r.id LIMIT 1) AS e",
      tenant, ids.Literal());
  for (const auto& r : rows) {
    existing[r[0].as<std::string>()] = {r[1].as<int64_t>(), Bytes(r[2])};
  }
  return existing;
}

// The data keys standing for the conferences `batch` sealed under, locked until the batch commits
// so that an erasure waits for it (or, when first, makes it fail); null once erased.
std::map<std::string, std::optional<std::string>> StandingDataKeys(
    pqxx::work& tx, const std::string& tenant, std::span<const PendingAppend> batch) {
  std::string in;
  std::map<std::string, std::optional<std::string>> keys;
  for (const auto& p : batch) {
    if (!p.sealed_under || keys.contains(p.columns.conference)) continue;
    keys[p.columns.conference] = std::nullopt;
    absl::StrAppend(&in, in.empty() ? "" : ",", tx.quote(p.columns.conference));
  }
  if (in.empty()) return keys;
  pqxx::result rows = tx.exec_params(
      absl::StrCat("SELECT conference, wrapped_key FROM data_keys WHERE tenant = $1 AND "
                   "conference IN (",
                   in, ") FOR SHARE"),
      tenant);
  for (const auto& r : rows) {
    if (!r[1].is_null()) keys[r[0].as<std::string>()] = Bytes(r[1]);
  }
  return keys;
}

// Locks the tenant's log head (made on first use) for this transaction: the row lock
// serialises every writer of the log, on any host. Returns the head's size and root.
std::pair<uint64_t, std::string> LockHead(pqxx::work& tx, const std::string& tenant) {
  constexpr char kLock[] = "SELECT size, root_hash FROM log_head WHERE tenant = $1 FOR UPDATE";
  pqxx::result head = tx.exec_params(kLock, tenant);
  if (head.empty()) {
    tx.exec_params(absl::StrCat("INSERT INTO log_head (tenant, size, root_hash) VALUES ($1, 0, ",
                                Bytea(log::EmptyRoot()), ") ON CONFLICT (tenant) DO NOTHING"),
                   tenant);
    head = tx.exec_params(kLock, tenant);
  }
  return {head[0][0].as<uint64_t>(), Bytes(head[0][1])};
}

absl::Status RequestIdReused(const std::string& request_id) {
  return InvalidArgument("REQUEST_ID_REUSED",
                         "this request_id was used before for a different request",
                         {{"request_id", absl::StrCat(request_id, " belongs to another request")}});
}

}  // namespace

absl::StatusOr<log::CompactRange> LedgerStore::RightEdge(pqxx::work& tx, const std::string& tenant,
                                                         uint64_t size, const std::string& root) {
  {
    absl::MutexLock lock(&edges_mu_);
    auto it = edges_.find(tenant);
    // Another host, or a batch whose commit failed, may have moved the log on: the remembered
    // edge serves only when it is exactly the locked head.
    if (it != edges_.end() && it->second.size() == size && it->second.Root() == root) {
      return it->second;
    }
  }
  auto edge = ReadNodesIn(tx, tenant, log::RightEdgeNodeIds(size));
  if (!edge.ok()) return edge.status();
  auto range = log::CompactRange::FromRightEdge(size, *std::move(edge));
  if (!range.ok()) return range.status();
  if (range->Root() != root) {
    return absl::DataLossError("the log's stored nodes do not match its head");
  }
  return range;
}

absl::StatusOr<LedgerStore::BatchResult> LedgerStore::AppendBatch(
    const std::string& tenant, std::span<const PendingAppend> batch, const CheckpointSigner& sign) {
  BatchResult result;
  std::optional<log::CompactRange> written_edge;
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    result = BatchResult{};
    result.outcomes.resize(batch.size());
    written_edge.reset();
    const auto [size, root] = LockHead(tx, tenant);
    auto range = RightEdge(tx, tenant, size, root);
    if (!range.ok()) return range.status();

    auto existing = ExistingRequests(tx, tenant, batch);
    const auto standing_keys = StandingDataKeys(tx, tenant, batch);
    // A record time with the database's precision, so the hashed bytes match what is stored.
    const absl::Time now = absl::FromUnixMicros(absl::ToUnixMicros(absl::Now()));

    std::vector<std::string> leaf_hashes;
    BatchRows rows;
    for (size_t i = 0; i < batch.size(); ++i) {
      const PendingAppend& p = batch[i];
      AppendOutcome& out = result.outcomes[i];
      if (auto it = existing.find(p.request_id); it != existing.end()) {
        out.status = it->second.request_hash == p.request_hash ? absl::OkStatus()
                                                               : RequestIdReused(p.request_id);
        out.index = out.status.ok() ? it->second.index : -1;
        out.replayed = out.status.ok();
        continue;
      }
      if (p.sealed_under && standing_keys.at(p.columns.conference) != p.sealed_under) {
        out.status = db::SubjectErased(p.columns.conference);
        continue;
      }
      const int64_t index = static_cast<int64_t>(size + leaf_hashes.size());
      absl::StatusOr<std::string> leaf = p.leaf_data(index, now);
      if (!leaf.ok()) {
        out.status = leaf.status();
        continue;
      }
      std::string leaf_hash = log::LeafHash(*leaf);
      rows.AddEntry(index, p, now, *leaf, leaf_hash);
      leaf_hashes.push_back(std::move(leaf_hash));
      out.index = index;
      // Later appends in this batch with the same request_id replay this one.
      existing[p.request_id] = {index, p.request_hash};
    }
    if (leaf_hashes.empty()) return absl::OkStatus();

    auto appended = range->Append(leaf_hashes);
    if (!appended.ok()) return appended.status();
    rows.AddNodes(appended->nodes);
    const auto new_size = static_cast<int64_t>(range->size());
    absl::StatusOr<std::string> note = sign(tenant, new_size, appended->root);
    if (!note.ok()) return note.status();
    result.checkpoint = StoredCheckpoint{new_size, appended->root, *note, now};
    rows.Write(tx, tenant, *result.checkpoint);
    written_edge = *std::move(range);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (written_edge) {
    absl::MutexLock lock(&edges_mu_);
    edges_.insert_or_assign(tenant, *std::move(written_edge));
  }
  return result;
}

absl::StatusOr<std::optional<StoredCheckpoint>> LedgerStore::LatestCheckpoint(
    const std::string& tenant) {
  return pool_->WithTenantResult<std::optional<StoredCheckpoint>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<StoredCheckpoint>> {
        pqxx::result r = tx.exec_params(
            absl::StrCat("SELECT size, root_hash, note, ", MicrosOf("signed_at"),
                         " FROM checkpoints WHERE tenant = $1 ORDER BY size DESC LIMIT 1"),
            tenant);
        if (r.empty()) return std::nullopt;
        return CheckpointFromRow(r[0]);
      });
}

absl::StatusOr<std::optional<StoredCheckpoint>> LedgerStore::CheckpointAt(const std::string& tenant,
                                                                          int64_t size) {
  return pool_->WithTenantResult<std::optional<StoredCheckpoint>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<StoredCheckpoint>> {
        pqxx::result r =
            tx.exec_params(absl::StrCat("SELECT size, root_hash, note, ", MicrosOf("signed_at"),
                                        " FROM checkpoints WHERE tenant = $1 AND size = $2"),
                           tenant, size);
        if (r.empty()) return std::nullopt;
        return CheckpointFromRow(r[0]);
      });
}

absl::StatusOr<std::vector<std::string>> LedgerStore::ReadNodes(const std::string& tenant,
                                                                std::span<const log::NodeId> ids) {
  return pool_->WithTenantResult<std::vector<std::string>>(
      tenant, [&](pqxx::work& tx) { return ReadNodesIn(tx, tenant, ids); });
}

absl::StatusOr<StoredEntry> LedgerStore::ReadEntry(const std::string& tenant, int64_t index) {
  return pool_->WithTenantResult<StoredEntry>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<StoredEntry> {
        pqxx::result r =
            tx.exec_params(absl::StrCat("SELECT ", EntryColumnsSql(),
                                        " FROM entries WHERE tenant = $1 AND idx = $2"),
                           tenant, index);
        if (r.empty()) {
          return NotFound("fgc.v1.LedgerEntry",
                          absl::StrCat("tenants/", tenant, "/ledger/entries/", index));
        }
        return EntryFromRow(r[0]);
      });
}

absl::StatusOr<std::optional<int64_t>> LedgerStore::EarlierAppend(const std::string& tenant,
                                                                  const std::string& request_id,
                                                                  const std::string& request_hash) {
  return pool_->WithTenantResult<std::optional<int64_t>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<int64_t>> {
        pqxx::result r = tx.exec_params(
            "SELECT idx, request_hash FROM entries WHERE tenant = $1 AND request_id = $2 LIMIT 1",
            tenant, request_id);
        if (r.empty()) return std::nullopt;
        if (Bytes(r[0][1]) != request_hash) return RequestIdReused(request_id);
        return r[0][0].as<int64_t>();
      });
}

absl::StatusOr<bool> LedgerStore::IsSuperseded(const std::string& tenant, int64_t index) {
  return pool_->WithTenantResult<bool>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<bool> {
    return !tx.exec_params("SELECT 1 FROM entries WHERE tenant = $1 AND supersedes = $2 LIMIT 1",
                           tenant, index)
                .empty();
  });
}

absl::StatusOr<std::optional<std::string>> LedgerStore::WrappedDataKey(
    const std::string& tenant, const std::string& conference) {
  return pool_->WithTenantResult<std::optional<std::string>>(
      tenant, [&](pqxx::work& tx) { return db::WrappedDataKeyIn(tx, tenant, conference); });
}

absl::StatusOr<std::string> LedgerStore::PutWrappedDataKey(const std::string& tenant,
                                                           const std::string& conference,
                                                           const std::string& wrapped) {
  return pool_->WithTenantResult<std::string>(tenant, [&](pqxx::work& tx) {
    return db::PutWrappedDataKeyIn(tx, tenant, conference, wrapped);
  });
}

absl::StatusOr<LedgerStore::Page> LedgerStore::ListEntries(const std::string& tenant,
                                                           const EntryFilter& filter, int64_t from,
                                                           int limit) {
  return pool_->WithTenantResult<Page>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<Page> {
    std::string where = absl::StrCat("tenant = ", tx.quote(tenant),
                                     " AND idx >= ", std::max(from, filter.index_from));
    if (filter.index_to) absl::StrAppend(&where, " AND idx < ", *filter.index_to);
    if (!filter.conference.empty()) {
      absl::StrAppend(&where, " AND conference = ", tx.quote(filter.conference));
    }
    if (!filter.subject.empty()) {
      absl::StrAppend(&where, " AND subject = ", tx.quote(filter.subject));
    }
    if (filter.kind != 0) absl::StrAppend(&where, " AND kind = ", filter.kind);
    if (filter.occur_from) {
      absl::StrAppend(&where, " AND occur_time >= ", Timestamp(*filter.occur_from));
    }
    if (filter.occur_to) absl::StrAppend(&where, " AND occur_time < ", Timestamp(*filter.occur_to));
    if (filter.record_from) {
      absl::StrAppend(&where, " AND record_time >= ", Timestamp(*filter.record_from));
    }
    if (filter.record_to) {
      absl::StrAppend(&where, " AND record_time < ", Timestamp(*filter.record_to));
    }
    Page page;
    pqxx::result head = tx.exec_params("SELECT size FROM log_head WHERE tenant = $1", tenant);
    page.tree_size = head.empty() ? 0 : head[0][0].as<int64_t>();
    // Only integrated entries (below the head read in this transaction) are listed.
    absl::StrAppend(&where, " AND idx < ", page.tree_size);
    pqxx::result rows = tx.exec(absl::StrCat("SELECT ", EntryColumnsSql(), " FROM entries WHERE ",
                                             where, " ORDER BY idx LIMIT ", limit));
    for (const auto& r : rows) page.entries.push_back(EntryFromRow(r));
    return page;
  });
}

absl::StatusOr<LedgerStore::Erasure> LedgerStore::EraseDataKey(const std::string& tenant,
                                                               const std::string& conference,
                                                               const std::string& reason) {
  return pool_->WithTenantResult<Erasure>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<Erasure> {
    tx.exec_params(
        "INSERT INTO data_keys (tenant, conference, wrapped_key, erased_at, erase_reason) "
        "VALUES ($1, $2, NULL, now(), $3) ON CONFLICT (tenant, conference) DO UPDATE SET "
        "wrapped_key = NULL, erased_at = COALESCE(data_keys.erased_at, now()), "
        "erase_reason = COALESCE(data_keys.erase_reason, EXCLUDED.erase_reason)",
        tenant, conference, reason);
    pqxx::row when =
        tx.exec_params1(absl::StrCat("SELECT ", MicrosOf("erased_at"),
                                     " FROM data_keys WHERE tenant = $1 AND conference = $2"),
                        tenant, conference);
    pqxx::row count = tx.exec_params1(
        "SELECT count(*) FROM entries WHERE tenant = $1 AND conference = $2", tenant, conference);
    return Erasure{FromMicros(when[0]), count[0].as<int64_t>()};
  });
}

absl::StatusOr<std::optional<absl::Time>> LedgerStore::ErasedAt(const std::string& tenant,
                                                                const std::string& conference) {
  return pool_->WithTenantResult<std::optional<absl::Time>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<absl::Time>> {
        pqxx::result r =
            tx.exec_params(absl::StrCat("SELECT ", MicrosOf("erased_at"),
                                        " FROM data_keys WHERE tenant = $1 AND conference = $2 AND "
                                        "erased_at IS NOT NULL"),
                           tenant, conference);
        if (r.empty()) return std::nullopt;
        return FromMicros(r[0][0]);
      });
}

absl::StatusOr<std::vector<StoredEntry>> LedgerStore::EntriesAbout(const std::string& tenant,
                                                                   const std::string& conference,
                                                                   const std::string& subject,
                                                                   int purpose) {
  return pool_->WithTenantResult<std::vector<StoredEntry>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<StoredEntry>> {
        pqxx::result rows = tx.exec_params(
            absl::StrCat("SELECT ", EntryColumnsSql(),
                         " FROM entries WHERE tenant = $1 AND conference = $2 AND subject = $3 "
                         "AND ($4 = 0 OR purpose = $4) ORDER BY idx"),
            tenant, conference, subject, purpose);
        std::vector<StoredEntry> out;
        out.reserve(rows.size());
        for (const auto& r : rows) out.push_back(EntryFromRow(r));
        return out;
      });
}

}  // namespace fgc::ledger
