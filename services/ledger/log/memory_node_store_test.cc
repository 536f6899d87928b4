#include "services/ledger/log/memory_node_store.h"

#include <gtest/gtest.h>

#include <random>

#include "services/ledger/log/proof_verification.h"
#include "services/ledger/log/reference_tree.h"

namespace fgc::ledger::log {
namespace {

std::string Hash(char fill) { return std::string(kHashSize, fill); }

TEST(MemoryNodeStore, GetReturnsHashesInTheOrderAsked) {
  MemoryNodeStore store;
  const std::vector<Node> nodes = {{NodeId{0, 0}, Hash('a')}, {NodeId{1, 0}, Hash('b')}};
  ASSERT_TRUE(store.Put(nodes).ok());
  const std::vector<NodeId> ids = {NodeId{1, 0}, NodeId{0, 0}};
  EXPECT_EQ(store.Get(ids).value(), (std::vector<std::string>{Hash('b'), Hash('a')}));
}

TEST(MemoryNodeStore, GetNamesAMissingNode) {
  MemoryNodeStore store;
  const std::vector<NodeId> ids = {NodeId{2, 7}};
  const absl::Status status = store.Get(ids).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(status.message().find("2/7"), std::string::npos) << status;
}

TEST(MemoryNodeStore, PuttingTheSameNodeAgainIsHarmless) {
  MemoryNodeStore store;
  const std::vector<Node> nodes = {{NodeId{0, 3}, Hash('a')}};
  ASSERT_TRUE(store.Put(nodes).ok());
  EXPECT_TRUE(store.Put(nodes).ok());
  EXPECT_EQ(store.node_count(), 1u);
}

TEST(MemoryNodeStore, RefusesToChangeANodeAndKeepsNothingOfThatBatch) {
  MemoryNodeStore store;
  ASSERT_TRUE(store.Put(std::vector<Node>{{NodeId{0, 3}, Hash('a')}}).ok());
  const std::vector<Node> batch = {{NodeId{0, 4}, Hash('b')}, {NodeId{0, 3}, Hash('c')}};
  EXPECT_EQ(store.Put(batch).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.node_count(), 1u);
  EXPECT_EQ(store.Get(std::vector<NodeId>{{0, 3}}).value()[0], Hash('a'));
}

TEST(MemoryNodeStore, RefusesAHashOfTheWrongLength) {
  MemoryNodeStore store;
  EXPECT_EQ(store.Put(std::vector<Node>{{NodeId{0, 0}, "short"}}).code(),
            absl::StatusCode::kInvalidArgument);
}

// The offline verifier's path: rebuild a log from its leaves, then prove as the service does.
TEST(MemoryNodeStore, ProvesAgainstEveryEarlierTreeOfARebuiltLog) {
  std::mt19937_64 random(8);
  const std::vector<std::string> leaves = RandomLeafHashes(40, random);
  MemoryNodeStore store;
  CompactRange range;
  ASSERT_TRUE(store.Put(range.Append(leaves).value().nodes).ok());
  for (uint64_t size = 1; size <= leaves.size(); ++size) {
    const std::string root = store.RootAt(size).value();
    ASSERT_EQ(root, ReferenceRoot({leaves.data(), size})) << size;
    const uint64_t index = size / 2;
    EXPECT_TRUE(
        VerifyInclusion(index, size, leaves[index], store.InclusionProof(index, size).value(), root)
            .ok());
    EXPECT_TRUE(VerifyConsistency(size, leaves.size(),
                                  store.ConsistencyProof(size, leaves.size()).value(), root,
                                  range.Root())
                    .ok());
  }
}

TEST(MemoryNodeStore, CannotProveBeyondWhatItHolds) {
  MemoryNodeStore store;
  CompactRange range;
  std::mt19937_64 random(9);
  ASSERT_TRUE(store.Put(range.Append(RandomLeafHashes(5, random)).value().nodes).ok());
  EXPECT_EQ(store.InclusionProof(2, 9).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store.RootAt(6).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store.RootAt(0).value(), EmptyRoot());
}

}  // namespace
}  // namespace fgc::ledger::log
