// Building RFC 9162 inclusion and consistency proofs from stored perfect subtrees, in two
// steps so a store reads every node a proof needs in one batched query:
//   ProofPlan plan = PlanInclusionProof(index, size).value();
//   std::vector<std::string> hashes = <read plan.node_ids, in that order>;
//   std::vector<std::string> proof = BuildProof(plan, hashes).value();
// A plan names at most 2 * 64 nodes. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {

struct ProofPlan {
  // The perfect subtrees to read, each once, in proof order.
  std::vector<NodeId> node_ids;
  // Proof hash i is HashParts of the next parts_per_hash[i] entries of node_ids: 1 for a
  // perfect subtree, more for the one run that ends at the tree's ragged right edge.
  std::vector<size_t> parts_per_hash;
};

// The plan for the RFC 9162 §2.1.3.1 PATH(index, D[size]): INVALID_ARGUMENT unless
// index < size. A tree of one leaf needs no nodes.
absl::StatusOr<ProofPlan> PlanInclusionProof(uint64_t index, uint64_t size);

// The plan for the RFC 9162 §2.1.4.1 PROOF(size1, D[size2]): INVALID_ARGUMENT unless
// 0 < size1 <= size2 (a proof from the empty tree proves nothing; see VerifyConsistency).
// Equal sizes need no nodes.
absl::StatusOr<ProofPlan> PlanConsistencyProof(uint64_t size1, uint64_t size2);

// The proof, given `hashes[i]` for `plan.node_ids[i]`. DATA_LOSS if their number or any
// length is wrong (a damaged store); INVALID_ARGUMENT if the plan is inconsistent.
absl::StatusOr<std::vector<std::string>> BuildProof(const ProofPlan& plan,
                                                    std::span<const std::string> hashes);

}  // namespace fgc::ledger::log
