// RFC 9162 §2.1 Merkle tree hashing, and the addressing of the perfect subtrees that the
// ledger stores: each is written once and never changes, so proofs read O(log n) of them.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fgc::ledger::log {

inline constexpr size_t kHashSize = 32;  // SHA-256

// The largest tree the log holds: sizes and indexes are stored as PostgreSQL bigint.
inline constexpr uint64_t kMaxTreeSize = std::numeric_limits<int64_t>::max();

// SHA-256(0x00 || leaf): the hash of one log entry's canonical bytes.
std::string LeafHash(std::string_view leaf);
// SHA-256(0x01 || left || right): an interior node.
std::string NodeHash(std::string_view left, std::string_view right);
// SHA-256(""): the root of the empty tree.
std::string EmptyRoot();

// A perfect subtree: the 2^level leaves [index * 2^level, (index + 1) * 2^level). Level 0
// nodes are leaf hashes. Levels run 0..63, so every tree of up to 2^64 - 1 leaves is covered.
struct NodeId {
  uint8_t level = 0;
  uint64_t index = 0;

  uint64_t first_leaf() const { return index << level; }
  uint64_t leaf_count() const { return uint64_t{1} << level; }

  auto operator<=>(const NodeId&) const = default;
};

// "level/index", for messages.
std::string ToString(NodeId id);

// The perfect subtrees that summarise a tree of `size` leaves (its "right edge"): one per set
// bit of `size`, largest (leftmost) first. Empty for size 0.
std::vector<NodeId> RightEdgeNodeIds(uint64_t size);

// The RFC 9162 hash of a run of leaves from the hashes of its perfect parts, largest first (as
// RightEdgeNodeIds and proof plans list them). MTH splits a run at its largest power of two,
// which is exactly the first part, so the hash folds from the right. No parts: EmptyRoot().
std::string HashParts(std::span<const std::string> part_hashes);

// Planning and verification share this: the perfect parts of the leaves [begin, end), largest
// first. Only meaningful where RFC 9162 would hash that run as one subtree, i.e. where `begin`
// is a multiple of the largest power of two not above end - begin; every run a proof or a
// right edge names is.
std::vector<NodeId> RunNodeIds(uint64_t begin, uint64_t end);

}  // namespace fgc::ledger::log
