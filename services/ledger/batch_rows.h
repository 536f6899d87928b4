// The rows one group-commit batch adds to a tenant's log (entries, tree nodes, the new head and
// its signed checkpoint), gathered as one array per column and written by a single statement:
// a round trip per table and a parse per row were most of a batch's database time.
#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <span>
#include <string>

#include "absl/time/time.h"
#include "common/db/sql_array.h"
#include "services/ledger/ledger_store.h"
#include "services/ledger/log/compact_range.h"

namespace fgc::ledger {

class BatchRows {
 public:
  void AddEntry(int64_t index, const PendingAppend& p, absl::Time record_time,
                const std::string& leaf, const std::string& leaf_hash);
  void AddNodes(std::span<const log::Node> nodes);

  // Inserts the entries and nodes, moves the head to `checkpoint` and stores the checkpoint.
  void Write(pqxx::work& tx, const std::string& tenant, const StoredCheckpoint& checkpoint);

 private:
  db::SqlArray idx_, kind_, conference_, subject_, purpose_, grantor_, supersedes_, occur_, record_,
      request_id_, request_hash_, leaf_data_, leaf_hash_;
  db::SqlArray node_level_, node_idx_, node_hash_;
};

}  // namespace fgc::ledger
