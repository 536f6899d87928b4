#include "services/ledger/log/compact_range.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace fgc::ledger::log {

absl::StatusOr<CompactRange> CompactRange::FromRightEdge(uint64_t size,
                                                         std::vector<std::string> hashes) {
  if (size > kMaxTreeSize) {
    return absl::InvalidArgumentError(absl::StrCat("tree size ", size, " exceeds the maximum"));
  }
  const std::vector<NodeId> ids = RightEdgeNodeIds(size);
  if (hashes.size() != ids.size()) {
    return absl::DataLossError(absl::StrCat("a tree of size ", size, " has ", ids.size(),
                                            " right-edge nodes, got ", hashes.size()));
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if (hashes[i].size() != kHashSize) {
      return absl::DataLossError(absl::StrCat("node ", ToString(ids[i]), " hash is ",
                                              hashes[i].size(), " bytes, not ", kHashSize));
    }
  }
  return CompactRange(size, std::move(hashes));
}

std::string CompactRange::Root() const { return HashParts(hashes_); }

absl::StatusOr<CompactRange::Appended> CompactRange::Append(
    std::span<const std::string> leaf_hashes) {
  if (leaf_hashes.size() > kMaxTreeSize - size_) {
    return absl::InvalidArgumentError(absl::StrCat("appending ", leaf_hashes.size(),
                                                   " leaves to a tree of size ", size_,
                                                   " would exceed the maximum tree size"));
  }
  for (size_t i = 0; i < leaf_hashes.size(); ++i) {
    if (leaf_hashes[i].size() != kHashSize) {
      return absl::InvalidArgumentError(
          absl::StrCat("leaf hash ", i, " is ", leaf_hashes[i].size(), " bytes, not ", kHashSize));
    }
  }
  Appended appended;
  appended.nodes.reserve(2 * leaf_hashes.size() + 64);
  for (const std::string& leaf_hash : leaf_hashes) AppendOne(leaf_hash, appended.nodes);
  appended.root = Root();
  return appended;
}

// The new leaf completes one perfect subtree per trailing one bit of the old size: each merge
// joins the two smallest right-edge subtrees, which have equal levels.
void CompactRange::AppendOne(const std::string& leaf_hash, std::vector<Node>& created) {
  const uint64_t position = size_;
  created.push_back(Node{NodeId{0, position}, leaf_hash});
  hashes_.push_back(leaf_hash);
  for (uint8_t level = 1; (position >> (level - 1)) & 1; ++level) {
    std::string merged = NodeHash(hashes_[hashes_.size() - 2], hashes_.back());
    hashes_.pop_back();
    hashes_.back() = merged;
    created.push_back(Node{NodeId{level, position >> level}, std::move(merged)});
  }
  ++size_;
}

}  // namespace fgc::ledger::log
