#include "services/ledger/log/proof_verification.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "services/ledger/log/proof.h"
#include "services/ledger/log/reference_tree.h"

namespace fgc::ledger::log {
namespace {

constexpr uint64_t kMaxUint64 = std::numeric_limits<uint64_t>::max();

// A small tree held whole, for proofs to corrupt.
class SmallTree : public ::testing::Test {
 protected:
  SmallTree() {
    std::mt19937_64 random(6);
    leaves_ = RandomLeafHashes(13, random);
  }
  std::span<const std::string> Prefix(size_t size) const { return {leaves_.data(), size}; }

  std::vector<std::string> leaves_;
};

TEST_F(SmallTree, InclusionRejectsEveryFlippedBitOfTheProof) {
  std::vector<std::string> proof = ReferenceInclusionProof(5, leaves_);
  const std::string root = ReferenceRoot(leaves_);
  ASSERT_TRUE(VerifyInclusion(5, 13, leaves_[5], proof, root).ok());
  for (std::string& hash : proof) {
    for (size_t bit = 0; bit < 8 * hash.size(); ++bit) {
      hash[bit / 8] ^= static_cast<char>(1 << (bit % 8));
      EXPECT_EQ(VerifyInclusion(5, 13, leaves_[5], proof, root).code(),
                absl::StatusCode::kDataLoss);
      hash[bit / 8] ^= static_cast<char>(1 << (bit % 8));
    }
  }
}

TEST_F(SmallTree, InclusionRejectsAnotherLeafIndexOrLeaf) {
  const std::vector<std::string> proof = ReferenceInclusionProof(5, leaves_);
  const std::string root = ReferenceRoot(leaves_);
  for (uint64_t index = 0; index < 13; ++index) {
    if (index == 5) continue;
    EXPECT_FALSE(VerifyInclusion(index, 13, leaves_[5], proof, root).ok());
    EXPECT_FALSE(VerifyInclusion(5, 13, leaves_[index], proof, root).ok());
  }
}

TEST_F(SmallTree, InclusionRejectsMissingExtraOrMalformedHashes) {
  std::vector<std::string> proof = ReferenceInclusionProof(5, leaves_);
  const std::string root = ReferenceRoot(leaves_);
  std::vector<std::string> shorter(proof.begin(), proof.end() - 1);
  EXPECT_EQ(VerifyInclusion(5, 13, leaves_[5], shorter, root).code(), absl::StatusCode::kDataLoss);
  std::vector<std::string> longer = proof;
  longer.push_back(root);
  EXPECT_EQ(VerifyInclusion(5, 13, leaves_[5], longer, root).code(), absl::StatusCode::kDataLoss);
  proof[1] += "x";
  EXPECT_EQ(VerifyInclusion(5, 13, leaves_[5], proof, root).code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyInclusion(5, 13, "", {}, root).code(), absl::StatusCode::kDataLoss);
}

TEST_F(SmallTree, InclusionRejectsALeafOutsideTheTree) {
  EXPECT_EQ(VerifyInclusion(13, 13, leaves_[0], {}, ReferenceRoot(leaves_)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyInclusion(0, 0, leaves_[0], {}, EmptyRoot()).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SmallTree, ConsistencyRejectsEveryFlippedBitOfTheProof) {
  std::vector<std::string> proof = ReferenceConsistencyProof(6, leaves_);
  const std::string root1 = ReferenceRoot(Prefix(6));
  const std::string root2 = ReferenceRoot(leaves_);
  ASSERT_TRUE(VerifyConsistency(6, 13, proof, root1, root2).ok());
  for (std::string& hash : proof) {
    for (size_t bit = 0; bit < 8 * hash.size(); ++bit) {
      hash[bit / 8] ^= static_cast<char>(1 << (bit % 8));
      EXPECT_EQ(VerifyConsistency(6, 13, proof, root1, root2).code(), absl::StatusCode::kDataLoss);
      hash[bit / 8] ^= static_cast<char>(1 << (bit % 8));
    }
  }
}

TEST_F(SmallTree, ConsistencyRejectsSwappedOrAlteredRoots) {
  const std::vector<std::string> proof = ReferenceConsistencyProof(4, leaves_);
  const std::string root1 = ReferenceRoot(Prefix(4));
  const std::string root2 = ReferenceRoot(leaves_);
  ASSERT_TRUE(VerifyConsistency(4, 13, proof, root1, root2).ok());
  EXPECT_FALSE(VerifyConsistency(4, 13, proof, root2, root1).ok());
  EXPECT_FALSE(VerifyConsistency(4, 13, proof, ReferenceRoot(Prefix(5)), root2).ok());
  EXPECT_FALSE(VerifyConsistency(4, 13, proof, root1, ReferenceRoot(Prefix(12))).ok());
}

TEST_F(SmallTree, ConsistencyRejectsImpossibleSizes) {
  const std::string root = ReferenceRoot(leaves_);
  EXPECT_EQ(VerifyConsistency(0, 13, {}, EmptyRoot(), root).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(0, 0, {}, EmptyRoot(), EmptyRoot()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(13, 12, {}, root, root).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SmallTree, ConsistencyOfEqualSizesNeedsEqualRootsAndNoProof) {
  const std::string root = ReferenceRoot(leaves_);
  EXPECT_TRUE(VerifyConsistency(13, 13, {}, root, root).ok());
  EXPECT_EQ(VerifyConsistency(13, 13, {}, root, EmptyRoot()).code(), absl::StatusCode::kDataLoss);
  const std::vector<std::string> extra = {root};
  EXPECT_EQ(VerifyConsistency(13, 13, extra, root, root).code(), absl::StatusCode::kDataLoss);
}

// Arbitrary proofs at the extremes of the size range are rejected, never crash or loop.
TEST(ProofVerification, HostileProofsAtExtremeSizesAreRejected) {
  std::mt19937_64 random(7);
  const auto random_hashes = [&](size_t count) {
    std::vector<std::string> hashes(count, std::string(kHashSize, '\0'));
    for (std::string& hash : hashes)
      for (char& c : hash) c = static_cast<char>(random());
    return hashes;
  };
  const std::string root = random_hashes(1)[0];
  const std::string other_root = random_hashes(1)[0];
  const std::vector<std::pair<uint64_t, uint64_t>> pairs = {{0, kMaxUint64},
                                                            {kMaxUint64 - 1, kMaxUint64},
                                                            {kMaxTreeSize - 1, kMaxTreeSize},
                                                            {kMaxTreeSize / 2, kMaxTreeSize + 1},
                                                            {1, uint64_t{1} << 63},
                                                            {(uint64_t{1} << 62) + 1, kMaxUint64}};
  for (size_t length = 0; length <= 70; ++length) {
    const std::vector<std::string> proof = random_hashes(length);
    for (const auto& [a, b] : pairs) {
      EXPECT_FALSE(VerifyInclusion(a, b, root, proof, root).ok());
      EXPECT_FALSE(VerifyConsistency(a + 1, b, proof, root, other_root).ok());
    }
  }
}

// In a tree whose leaves are all equal, every perfect subtree of a level has the same hash,
// so the root and proofs of a tree of 2^63 - 1 leaves can be computed and checked exactly.
class HugeUniformTree : public ::testing::Test {
 protected:
  HugeUniformTree() {
    level_hashes_.push_back(LeafHash("same"));
    while (level_hashes_.size() < 64) {
      level_hashes_.push_back(NodeHash(level_hashes_.back(), level_hashes_.back()));
    }
  }
  std::vector<std::string> Hashes(const std::vector<NodeId>& ids) const {
    std::vector<std::string> hashes;
    for (NodeId id : ids) hashes.push_back(level_hashes_[id.level]);
    return hashes;
  }
  std::string Root(uint64_t size) const { return HashParts(Hashes(RightEdgeNodeIds(size))); }
  std::vector<std::string> Proof(const ProofPlan& plan) const {
    return BuildProof(plan, Hashes(plan.node_ids)).value();
  }

  std::vector<std::string> level_hashes_;
};

TEST_F(HugeUniformTree, InclusionProofsVerify) {
  const uint64_t size = kMaxTreeSize;
  for (uint64_t index : {uint64_t{0}, size / 3, size / 2, size - 2, size - 1}) {
    const std::vector<std::string> proof = Proof(PlanInclusionProof(index, size).value());
    EXPECT_TRUE(VerifyInclusion(index, size, level_hashes_[0], proof, Root(size)).ok()) << index;
  }
}

TEST_F(HugeUniformTree, ConsistencyProofsVerify) {
  const uint64_t size2 = kMaxTreeSize;
  for (uint64_t size1 : {uint64_t{1}, uint64_t{1} << 40, size2 / 3, size2 - 1, size2}) {
    const std::vector<std::string> proof = Proof(PlanConsistencyProof(size1, size2).value());
    EXPECT_TRUE(VerifyConsistency(size1, size2, proof, Root(size1), Root(size2)).ok()) << size1;
  }
}

}  // namespace
}  // namespace fgc::ledger::log
