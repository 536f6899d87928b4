#include "services/ledger/log/proof.h"

#include <bit>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fgc::ledger::log {
namespace {

// Collects proof hashes as runs of leaves, each resolved to its perfect parts.
class PlanBuilder {
 public:
  void AddRun(uint64_t begin, uint64_t end) {
    const std::vector<NodeId> ids = RunNodeIds(begin, end);
    plan_.node_ids.insert(plan_.node_ids.end(), ids.begin(), ids.end());
    plan_.parts_per_hash.push_back(ids.size());
  }
  ProofPlan Take() { return std::move(plan_); }

 private:
  ProofPlan plan_;
};

// PATH(index, D[begin:end]) of RFC 9162 §2.1.3.1, `index` relative to `begin`. The sibling
// runs are added after the recursion returns, so the deepest comes first, as the RFC lists.
// Recursion depth is at most 64.
void PlanPath(uint64_t index, uint64_t begin, uint64_t end, PlanBuilder& out) {
  const uint64_t n = end - begin;
  if (n <= 1) return;
  const uint64_t k = std::bit_floor(n - 1);  // the largest power of two below n
  if (index < k) {
    PlanPath(index, begin, begin + k, out);
    out.AddRun(begin + k, end);
  } else {
    PlanPath(index - k, begin + k, end, out);
    out.AddRun(begin, begin + k);
  }
}

// SUBPROOF(m, D[begin:end], known) of RFC 9162 §2.1.4.1: `known` says the verifier already
// holds the hash of this whole subtree (it is the old tree itself).
void PlanSubproof(uint64_t m, uint64_t begin, uint64_t end, bool known, PlanBuilder& out) {
  const uint64_t n = end - begin;
  if (m == n) {
    if (!known) out.AddRun(begin, end);
    return;
  }
  const uint64_t k = std::bit_floor(n - 1);
  if (m <= k) {
    PlanSubproof(m, begin, begin + k, known, out);
    out.AddRun(begin + k, end);
  } else {
    PlanSubproof(m - k, begin + k, end, false, out);
    out.AddRun(begin, begin + k);
  }
}

}  // namespace

absl::StatusOr<ProofPlan> PlanInclusionProof(uint64_t index, uint64_t size) {
  if (index >= size) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf index ", index, " is not in a tree of size ", size));
  }
  PlanBuilder builder;
  PlanPath(index, 0, size, builder);
  return builder.Take();
}

absl::StatusOr<ProofPlan> PlanConsistencyProof(uint64_t size1, uint64_t size2) {
  if (size1 == 0) {
    return absl::InvalidArgumentError("no consistency proof starts from the empty tree");
  }
  if (size1 > size2) {
    return absl::InvalidArgumentError(
        absl::StrCat("tree size ", size1, " cannot grow into smaller size ", size2));
  }
  PlanBuilder builder;
  PlanSubproof(size1, 0, size2, /*known=*/true, builder);
  return builder.Take();
}

absl::StatusOr<std::vector<std::string>> BuildProof(const ProofPlan& plan,
                                                    std::span<const std::string> hashes) {
  size_t planned = 0;
  for (size_t parts : plan.parts_per_hash) {
    if (parts == 0 || parts > plan.node_ids.size() - planned) {
      return absl::InvalidArgumentError("proof plan parts do not match its nodes");
    }
    planned += parts;
  }
  if (planned != plan.node_ids.size()) {
    return absl::InvalidArgumentError("proof plan parts do not match its nodes");
  }
  if (hashes.size() != plan.node_ids.size()) {
    return absl::DataLossError(
        absl::StrCat("proof needs ", plan.node_ids.size(), " node hashes, got ", hashes.size()));
  }
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (hashes[i].size() != kHashSize) {
      return absl::DataLossError(absl::StrCat("node ", ToString(plan.node_ids[i]), " hash is ",
                                              hashes[i].size(), " bytes, not ", kHashSize));
    }
  }
  std::vector<std::string> proof;
  proof.reserve(plan.parts_per_hash.size());
  size_t next = 0;
  for (size_t parts : plan.parts_per_hash) {
    proof.push_back(HashParts(hashes.subspan(next, parts)));
    next += parts;
  }
  return proof;
}

}  // namespace fgc::ledger::log
