#include "services/ledger/log/proof.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "services/ledger/log/compact_range.h"
#include "services/ledger/log/memory_node_store.h"
#include "services/ledger/log/proof_verification.h"
#include "services/ledger/log/reference_tree.h"

namespace fgc::ledger::log {
namespace {

constexpr size_t kLeaves = 70;

// A tree of kLeaves random leaves with every perfect subtree stored, as the ledger keeps it.
class ProofTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 random(5);
    leaves_ = RandomLeafHashes(kLeaves, random);
    CompactRange range;
    ASSERT_TRUE(store_.Put(range.Append(leaves_).value().nodes).ok());
  }

  // Plans, fetches and builds, checking on the way that the plan reads only nodes that
  // already existed when the tree had `size` leaves.
  std::vector<std::string> Build(const ProofPlan& plan, uint64_t size) {
    for (NodeId id : plan.node_ids) {
      EXPECT_LE(id.first_leaf() + id.leaf_count(), size) << ToString(id);
    }
    return BuildProof(plan, store_.Get(plan.node_ids).value()).value();
  }

  std::span<const std::string> Prefix(size_t size) const { return {leaves_.data(), size}; }

  std::vector<std::string> leaves_;
  MemoryNodeStore store_;
};

TEST_F(ProofTest, InclusionProofsMatchTheRecursiveDefinitionAndVerify) {
  for (uint64_t size = 1; size <= kLeaves; ++size) {
    const std::string root = ReferenceRoot(Prefix(size));
    for (uint64_t index = 0; index < size; ++index) {
      SCOPED_TRACE(::testing::Message() << "index " << index << " size " << size);
      const std::vector<std::string> proof = Build(PlanInclusionProof(index, size).value(), size);
      ASSERT_EQ(proof, ReferenceInclusionProof(index, Prefix(size)));
      ASSERT_TRUE(VerifyInclusion(index, size, leaves_[index], proof, root).ok());
    }
  }
}

TEST_F(ProofTest, ConsistencyProofsMatchTheRecursiveDefinitionAndVerify) {
  for (uint64_t size2 = 1; size2 <= kLeaves; ++size2) {
    const std::string root2 = ReferenceRoot(Prefix(size2));
    for (uint64_t size1 = 1; size1 <= size2; ++size1) {
      SCOPED_TRACE(::testing::Message() << "size1 " << size1 << " size2 " << size2);
      const std::vector<std::string> proof =
          Build(PlanConsistencyProof(size1, size2).value(), size2);
      ASSERT_EQ(proof, ReferenceConsistencyProof(size1, Prefix(size2)));
      ASSERT_TRUE(VerifyConsistency(size1, size2, proof, ReferenceRoot(Prefix(size1)), root2).ok());
    }
  }
}

TEST(ProofPlan, InclusionNeedsALeafInsideTheTree) {
  EXPECT_EQ(PlanInclusionProof(0, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(PlanInclusionProof(5, 5).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(PlanInclusionProof(0, 1).value().node_ids.empty());
}

TEST(ProofPlan, ConsistencyNeedsANonEmptyOldTreeNoLargerThanTheNew) {
  EXPECT_EQ(PlanConsistencyProof(0, 3).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(PlanConsistencyProof(4, 3).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(PlanConsistencyProof(3, 3).value().node_ids.empty());
}

// A store reads O(log n) rows whatever the size: at most 64 proof hashes, and only the one
// run at the ragged right edge splits into several (at most 63) perfect parts.
TEST(ProofPlan, HugeTreesNeedFewDistinctNodes) {
  const uint64_t big = kMaxTreeSize;
  const std::vector<ProofPlan> plans = {PlanInclusionProof(0, big).value(),
                                        PlanInclusionProof(big - 1, big).value(),
                                        PlanInclusionProof(big / 3, big).value(),
                                        PlanConsistencyProof(1, big).value(),
                                        PlanConsistencyProof(big / 2 + 7, big).value(),
                                        PlanConsistencyProof(big - 1, big).value()};
  for (const ProofPlan& plan : plans) {
    EXPECT_LE(plan.parts_per_hash.size(), 64u);
    EXPECT_LE(plan.node_ids.size(), 128u);
    EXPECT_EQ(std::set<NodeId>(plan.node_ids.begin(), plan.node_ids.end()).size(),
              plan.node_ids.size());
    for (NodeId id : plan.node_ids) EXPECT_LE(id.first_leaf() + id.leaf_count(), big);
  }
}

TEST(BuildProof, RejectsAWrongNumberOfHashes) {
  const ProofPlan plan = PlanInclusionProof(2, 7).value();
  const std::vector<std::string> hashes(plan.node_ids.size() - 1, std::string(kHashSize, 'h'));
  EXPECT_EQ(BuildProof(plan, hashes).status().code(), absl::StatusCode::kDataLoss);
}

TEST(BuildProof, RejectsAHashOfTheWrongLength) {
  const ProofPlan plan = PlanInclusionProof(2, 7).value();
  std::vector<std::string> hashes(plan.node_ids.size(), std::string(kHashSize, 'h'));
  hashes.back().pop_back();
  EXPECT_EQ(BuildProof(plan, hashes).status().code(), absl::StatusCode::kDataLoss);
}

TEST(BuildProof, RejectsAPlanWhosePartsDoNotAddUp) {
  ProofPlan plan = PlanInclusionProof(2, 7).value();
  plan.parts_per_hash.back() += 1;
  const std::vector<std::string> hashes(plan.node_ids.size(), std::string(kHashSize, 'h'));
  EXPECT_EQ(BuildProof(plan, hashes).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::ledger::log
