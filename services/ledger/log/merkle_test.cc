#include "services/ledger/log/merkle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"

namespace fgc::ledger::log {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Merkle, EmptyRootIsTheHashOfNothing) {
  EXPECT_EQ(crypto::HexEncode(EmptyRoot()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// The RFC 6962 reference test tree's first leaf is empty; its hash is well known.
TEST(Merkle, LeafHashPrefixesAZeroByte) {
  EXPECT_EQ(crypto::HexEncode(LeafHash("")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(LeafHash("abc"), crypto::Sha256(std::string("\x00"
                                                        "abc",
                                                        4)));
}

TEST(Merkle, NodeHashPrefixesAOneByte) {
  EXPECT_EQ(NodeHash("left", "right"), crypto::Sha256("\x01leftright"));
}

TEST(Merkle, NodeIdCoversItsLeaves) {
  const NodeId id{3, 5};
  EXPECT_EQ(id.first_leaf(), 40u);
  EXPECT_EQ(id.leaf_count(), 8u);
  EXPECT_EQ(ToString(id), "3/5");
}

TEST(Merkle, RightEdgeHasOneNodePerSetBitLargestFirst) {
  EXPECT_THAT(RightEdgeNodeIds(0), IsEmpty());
  EXPECT_THAT(RightEdgeNodeIds(1), ElementsAre(NodeId{0, 0}));
  EXPECT_THAT(RightEdgeNodeIds(8), ElementsAre(NodeId{3, 0}));
  EXPECT_THAT(RightEdgeNodeIds(13), ElementsAre(NodeId{3, 0}, NodeId{2, 2}, NodeId{0, 12}));
}

TEST(Merkle, RightEdgeOfTheLargestTreeHas63Nodes) {
  const std::vector<NodeId> ids = RightEdgeNodeIds(kMaxTreeSize);
  ASSERT_EQ(ids.size(), 63u);
  EXPECT_EQ(ids.front(), (NodeId{62, 0}));
  EXPECT_EQ(ids.back(), (NodeId{0, kMaxTreeSize - 1}));
}

TEST(Merkle, RunStartsAtItsBeginning) {
  EXPECT_THAT(RunNodeIds(8, 15), ElementsAre(NodeId{2, 2}, NodeId{1, 6}, NodeId{0, 14}));
  EXPECT_THAT(RunNodeIds(4, 4), IsEmpty());
}

TEST(Merkle, PartsFoldFromTheRight) {
  const std::vector<std::string> parts = {"a", "b", "c"};
  EXPECT_EQ(HashParts(parts), NodeHash("a", NodeHash("b", "c")));
  EXPECT_EQ(HashParts(std::vector<std::string>{"x"}), "x");
  EXPECT_EQ(HashParts({}), EmptyRoot());
}

}  // namespace
}  // namespace fgc::ledger::log
