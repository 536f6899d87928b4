#include "services/ledger/log/merkle.h"

#include "absl/strings/str_cat.h"
#include "common/crypto/sha256.h"

namespace fgc::ledger::log {
namespace {

constexpr std::string_view kLeafPrefix("\x00", 1);
constexpr std::string_view kNodePrefix("\x01", 1);

}  // namespace

std::string LeafHash(std::string_view leaf) { return crypto::Sha256({kLeafPrefix, leaf}); }

std::string NodeHash(std::string_view left, std::string_view right) {
  return crypto::Sha256({kNodePrefix, left, right});
}

std::string EmptyRoot() { return crypto::Sha256(""); }

std::string ToString(NodeId id) { return absl::StrCat(id.level, "/", id.index); }

std::vector<NodeId> RunNodeIds(uint64_t begin, uint64_t end) {
  std::vector<NodeId> ids;
  const uint64_t length = end > begin ? end - begin : 0;
  uint64_t position = begin;
  for (int level = 63; level >= 0; --level) {
    const uint64_t count = uint64_t{1} << level;
    if ((length & count) == 0) continue;
    ids.push_back(NodeId{static_cast<uint8_t>(level), position >> level});
    position += count;
  }
  return ids;
}

std::vector<NodeId> RightEdgeNodeIds(uint64_t size) { return RunNodeIds(0, size); }

std::string HashParts(std::span<const std::string> part_hashes) {
  if (part_hashes.empty()) return EmptyRoot();
  std::string hash = part_hashes.back();
  for (size_t i = part_hashes.size() - 1; i-- > 0;) hash = NodeHash(part_hashes[i], hash);
  return hash;
}

}  // namespace fgc::ledger::log
