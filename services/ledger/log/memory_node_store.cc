#include "services/ledger/log/memory_node_store.h"

#include "absl/strings/str_cat.h"
#include "services/ledger/log/proof.h"

namespace fgc::ledger::log {

absl::Status MemoryNodeStore::Put(std::span<const Node> nodes) {
  for (const Node& node : nodes) {
    if (node.hash.size() != kHashSize) {
      return absl::InvalidArgumentError(absl::StrCat("node ", ToString(node.id), " hash is ",
                                                     node.hash.size(), " bytes, not ", kHashSize));
    }
    auto held = hashes_.find(node.id);
    if (held != hashes_.end() && held->second != node.hash) {
      return absl::FailedPreconditionError(
          absl::StrCat("node ", ToString(node.id), " already holds a different hash"));
    }
  }
  for (const Node& node : nodes) hashes_.emplace(node.id, node.hash);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> MemoryNodeStore::Get(std::span<const NodeId> ids) const {
  std::vector<std::string> hashes;
  hashes.reserve(ids.size());
  for (NodeId id : ids) {
    auto held = hashes_.find(id);
    if (held == hashes_.end()) {
      return absl::NotFoundError(absl::StrCat("node ", ToString(id), " is not stored"));
    }
    hashes.push_back(held->second);
  }
  return hashes;
}

absl::StatusOr<std::vector<std::string>> MemoryNodeStore::InclusionProof(uint64_t index,
                                                                         uint64_t size) const {
  absl::StatusOr<ProofPlan> plan = PlanInclusionProof(index, size);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::vector<std::string>> hashes = Get(plan->node_ids);
  if (!hashes.ok()) return hashes.status();
  return BuildProof(*plan, *hashes);
}

absl::StatusOr<std::vector<std::string>> MemoryNodeStore::ConsistencyProof(uint64_t size1,
                                                                           uint64_t size2) const {
  absl::StatusOr<ProofPlan> plan = PlanConsistencyProof(size1, size2);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::vector<std::string>> hashes = Get(plan->node_ids);
  if (!hashes.ok()) return hashes.status();
  return BuildProof(*plan, *hashes);
}

absl::StatusOr<std::string> MemoryNodeStore::RootAt(uint64_t size) const {
  absl::StatusOr<std::vector<std::string>> hashes = Get(RightEdgeNodeIds(size));
  if (!hashes.ok()) return hashes.status();
  return HashParts(*hashes);
}

}  // namespace fgc::ledger::log
