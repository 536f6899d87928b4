#include "services/ledger/log/reference_tree.h"

#include "common/crypto/sha256.h"

namespace fgc::ledger::log {
namespace {

using Leaves = std::span<const std::string>;

// The largest power of two smaller than n (n > 1), found the slow, obvious way.
size_t SplitPoint(size_t n) {
  size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

std::string Interior(const std::string& left, const std::string& right) {
  return crypto::Sha256(std::string(1, '\x01') + left + right);
}

std::vector<std::string> Subproof(size_t m, Leaves d, bool b) {
  const size_t n = d.size();
  if (m == n) return b ? std::vector<std::string>{} : std::vector<std::string>{ReferenceRoot(d)};
  const size_t k = SplitPoint(n);
  std::vector<std::string> proof;
  if (m <= k) {
    proof = Subproof(m, d.subspan(0, k), b);
    proof.push_back(ReferenceRoot(d.subspan(k)));
  } else {
    proof = Subproof(m - k, d.subspan(k), false);
    proof.push_back(ReferenceRoot(d.subspan(0, k)));
  }
  return proof;
}

}  // namespace

std::string ReferenceRoot(Leaves d) {
  if (d.empty()) return crypto::Sha256("");
  if (d.size() == 1) return d[0];  // already MTH({d(0)}) = SHA-256(0x00 || d(0))
  const size_t k = SplitPoint(d.size());
  return Interior(ReferenceRoot(d.subspan(0, k)), ReferenceRoot(d.subspan(k)));
}

std::vector<std::string> ReferenceInclusionProof(uint64_t index, Leaves d) {
  const size_t n = d.size();
  if (n <= 1) return {};
  const size_t k = SplitPoint(n);
  std::vector<std::string> proof;
  if (index < k) {
    proof = ReferenceInclusionProof(index, d.subspan(0, k));
    proof.push_back(ReferenceRoot(d.subspan(k)));
  } else {
    proof = ReferenceInclusionProof(index - k, d.subspan(k));
    proof.push_back(ReferenceRoot(d.subspan(0, k)));
  }
  return proof;
}

std::vector<std::string> ReferenceConsistencyProof(uint64_t size1, Leaves d) {
  return Subproof(size1, d, true);
}

std::vector<std::string> RandomLeafHashes(size_t count, std::mt19937_64& random) {
  std::vector<std::string> hashes;
  for (size_t i = 0; i < count; ++i) {
    std::string leaf(random() % 41, '\0');
    for (char& c : leaf) c = static_cast<char>(random());
    hashes.push_back(crypto::Sha256(std::string(1, '\x00') + leaf));
  }
  return hashes;
}

}  // namespace fgc::ledger::log
