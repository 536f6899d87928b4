#include "services/ledger/log/compact_range.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "common/crypto/encoding.h"
#include "services/ledger/log/reference_tree.h"

namespace fgc::ledger::log {
namespace {

// The leaves of the RFC 6962 reference test tree and its roots at sizes 1..8, as published
// with Certificate Transparency's test suites.
std::vector<std::string> ReferenceTestTreeLeafHashes() {
  const std::vector<std::string> leaves = {"",
                                           "00",
                                           "10",
                                           "2021",
                                           "3031",
                                           "40414243",
                                           "5051525354555657",
                                           "606162636465666768696a6b6c6d6e6f"};
  std::vector<std::string> hashes;
  for (const std::string& hex : leaves) hashes.push_back(LeafHash(crypto::HexDecode(hex).value()));
  return hashes;
}

TEST(CompactRange, EmptyTreeHasTheEmptyRoot) {
  const CompactRange range;
  EXPECT_EQ(range.size(), 0u);
  EXPECT_EQ(range.Root(), EmptyRoot());
}

TEST(CompactRange, RootsMatchTheReferenceTestTree) {
  const std::vector<std::string> want = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
  CompactRange range;
  for (const std::string& leaf_hash : ReferenceTestTreeLeafHashes()) {
    const CompactRange::Appended appended = range.Append({&leaf_hash, 1}).value();
    EXPECT_EQ(crypto::HexEncode(appended.root), want[range.size() - 1]) << range.size();
  }
}

TEST(CompactRange, RootMatchesRecursiveDefinitionForEverySizeUpTo300) {
  std::mt19937_64 random(1);
  const std::vector<std::string> leaves = RandomLeafHashes(300, random);
  CompactRange range;
  for (size_t size = 1; size <= leaves.size(); ++size) {
    const std::string root = range.Append({&leaves[size - 1], 1}).value().root;
    ASSERT_EQ(root, ReferenceRoot({leaves.data(), size})) << size;
    ASSERT_EQ(range.Root(), root);
  }
}

TEST(CompactRange, BatchesGiveTheSameRootsAsSingleAppends) {
  std::mt19937_64 random(2);
  const std::vector<std::string> leaves = RandomLeafHashes(300, random);
  CompactRange range;
  size_t size = 0;
  while (size < leaves.size()) {
    const size_t batch = std::min<size_t>(random() % 40, leaves.size() - size);
    const std::string root = range.Append({leaves.data() + size, batch}).value().root;
    size += batch;
    ASSERT_EQ(root, ReferenceRoot({leaves.data(), size})) << size;
  }
}

// Every perfect subtree of the final tree is returned exactly once across the appends, with
// the hash the recursive definition gives its leaves.
TEST(CompactRange, AppendReturnsEveryPerfectSubtreeOnce) {
  std::mt19937_64 random(3);
  const std::vector<std::string> leaves = RandomLeafHashes(100, random);
  CompactRange range;
  std::set<NodeId> seen;
  for (size_t size = 0; size < leaves.size(); size += 7) {
    const size_t batch = std::min<size_t>(7, leaves.size() - size);
    const CompactRange::Appended appended = range.Append({leaves.data() + size, batch}).value();
    for (const Node& node : appended.nodes) {
      EXPECT_TRUE(seen.insert(node.id).second) << ToString(node.id);
      EXPECT_EQ(node.hash, ReferenceRoot({leaves.data() + node.id.first_leaf(),
                                          static_cast<size_t>(node.id.leaf_count())}));
    }
  }
  size_t perfect_subtrees = 0;
  for (uint64_t width = 1; width <= leaves.size(); width *= 2) perfect_subtrees += 100 / width;
  EXPECT_EQ(seen.size(), perfect_subtrees);
}

TEST(CompactRange, RebuiltFromItsRightEdgeContinuesTheSameTree) {
  std::mt19937_64 random(4);
  const std::vector<std::string> leaves = RandomLeafHashes(90, random);
  CompactRange original;
  ASSERT_TRUE(original.Append({leaves.data(), 45}).ok());
  CompactRange rebuilt = CompactRange::FromRightEdge(45, original.hashes()).value();
  EXPECT_EQ(rebuilt.Root(), original.Root());
  const std::string root = rebuilt.Append({leaves.data() + 45, 45}).value().root;
  EXPECT_EQ(root, ReferenceRoot(leaves));
}

TEST(CompactRange, RebuildingRejectsAWrongNumberOfHashes) {
  const std::vector<std::string> two(2, std::string(kHashSize, 'h'));
  EXPECT_EQ(CompactRange::FromRightEdge(4, two).status().code(), absl::StatusCode::kDataLoss);
}

TEST(CompactRange, RebuildingRejectsAHashOfTheWrongLength) {
  const std::vector<std::string> hashes = {std::string(kHashSize, 'h'), "short"};
  EXPECT_EQ(CompactRange::FromRightEdge(3, hashes).status().code(), absl::StatusCode::kDataLoss);
}

TEST(CompactRange, AppendRejectsABadLeafHashAndChangesNothing) {
  CompactRange range;
  const std::vector<std::string> leaves = {LeafHash("a"), "not a hash"};
  EXPECT_EQ(range.Append(leaves).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(range.size(), 0u);
  EXPECT_EQ(range.Root(), EmptyRoot());
}

TEST(CompactRange, AppendStopsAtTheLargestTree) {
  const std::vector<std::string> edge(63, std::string(kHashSize, 'h'));
  CompactRange range = CompactRange::FromRightEdge(kMaxTreeSize, edge).value();
  const std::string leaf = LeafHash("one too many");
  EXPECT_EQ(range.Append({&leaf, 1}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(range.size(), kMaxTreeSize);
}

TEST(CompactRange, LargestTreeLeavesRoomForItsLastLeaf) {
  const std::vector<std::string> edge(62, std::string(kHashSize, 'h'));
  CompactRange range = CompactRange::FromRightEdge(kMaxTreeSize - 1, edge).value();
  const std::string leaf = LeafHash("last");
  const CompactRange::Appended appended = range.Append({&leaf, 1}).value();
  EXPECT_EQ(range.size(), kMaxTreeSize);
  ASSERT_EQ(appended.nodes.size(), 1u);  // size 2^63 - 2 ends in a 0 bit: nothing merges
  EXPECT_EQ(appended.nodes[0].id, (NodeId{0, kMaxTreeSize - 1}));
}

}  // namespace
}  // namespace fgc::ledger::log
