// The right edge of a Merkle tree: the O(log n) perfect subtree hashes that summarise all
// its leaves, enough to append more and to compute the root. The sequencer keeps one per log,
// rebuilt from the store at start (RightEdgeNodeIds(size) names the rows to read).
// Not thread-safe: one writer owns it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {

// A perfect subtree and its hash: what the store writes, once.
struct Node {
  NodeId id;
  std::string hash;

  bool operator==(const Node&) const = default;
};

class CompactRange {
 public:
  // What one Append produced.
  struct Appended {
    // Every perfect subtree completed by the append, leaves (level 0) included, each once,
    // in creation order (a child before its parent). Store them all in the batch's
    // transaction: nodes never change, so a store may also insert-if-absent.
    std::vector<Node> nodes;
    std::string root;  // of the tree after the append
  };

  CompactRange() = default;  // the empty tree

  // The tree of `size` leaves whose right edge has `hashes` (those of RightEdgeNodeIds(size),
  // in that order). DATA_LOSS if their number or any length is wrong (a damaged store);
  // INVALID_ARGUMENT if size exceeds kMaxTreeSize.
  static absl::StatusOr<CompactRange> FromRightEdge(uint64_t size, std::vector<std::string> hashes);

  uint64_t size() const { return size_; }
  // The RFC 9162 root: EmptyRoot() for size 0.
  std::string Root() const;
  // The right edge's hashes, in RightEdgeNodeIds(size()) order.
  const std::vector<std::string>& hashes() const { return hashes_; }

  // Appends leaves given by their LeafHash. All or nothing: INVALID_ARGUMENT, and the range
  // unchanged, if a hash is not kHashSize bytes or the tree would pass kMaxTreeSize.
  absl::StatusOr<Appended> Append(std::span<const std::string> leaf_hashes);

 private:
  CompactRange(uint64_t size, std::vector<std::string> hashes)
      : size_(size), hashes_(std::move(hashes)) {}

  void AppendOne(const std::string& leaf_hash, std::vector<Node>& created);

  uint64_t size_ = 0;
  std::vector<std::string> hashes_;  // of RightEdgeNodeIds(size_)
};

}  // namespace fgc::ledger::log
