// A tenant's ledger filled with synthetic entries straight through LedgerStore::AppendBatch
// (no gRPC, no entry model), in large batches: how the proof benchmark gets a big log fast.
// Proofs read only tree nodes, so the leaf bytes need not be real entries.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "services/ledger/ledger_store.h"

namespace fgc::bench {

// The leaf bytes stored at `index`: knowing them lets a verifier recompute the leaf hash.
std::string SyntheticLeaf(int64_t index);

// Appends entries until `tenant`'s log holds `entries`, `batch` per transaction, each batch
// with a checkpoint signed by `sign`.
absl::Status FillLog(ledger::LedgerStore& store, const std::string& tenant, int64_t entries,
                     int64_t batch, const ledger::CheckpointSigner& sign);

}  // namespace fgc::bench
