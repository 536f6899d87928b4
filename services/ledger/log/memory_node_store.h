// Perfect subtree hashes held in memory: the node store of tests and of the offline verifier,
// which rebuilds a log from exported entries and then proves against it exactly as the
// service does against PostgreSQL. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/ledger/log/compact_range.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {

class MemoryNodeStore {
 public:
  // Keeps `nodes` (as CompactRange::Append returns them). All or nothing: nodes never change,
  // so FAILED_PRECONDITION if one is already held with a different hash; INVALID_ARGUMENT if
  // a hash is not kHashSize bytes. Putting an identical node again is fine.
  absl::Status Put(std::span<const Node> nodes);

  // The hashes of `ids`, in that order; NOT_FOUND naming the first one not held.
  absl::StatusOr<std::vector<std::string>> Get(std::span<const NodeId> ids) const;

  size_t node_count() const { return hashes_.size(); }

  // Plan, Get and BuildProof in one call (see proof.h for the errors).
  absl::StatusOr<std::vector<std::string>> InclusionProof(uint64_t index, uint64_t size) const;
  absl::StatusOr<std::vector<std::string>> ConsistencyProof(uint64_t size1, uint64_t size2) const;
  // The root of the tree's first `size` leaves, from its right edge.
  absl::StatusOr<std::string> RootAt(uint64_t size) const;

 private:
  std::map<NodeId, std::string> hashes_;
};

}  // namespace fgc::ledger::log
