#include "services/ledger/log/proof_verification.h"

#include <bit>

#include "absl/strings/str_cat.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {
namespace {

// No tree of up to 2^64 - 1 leaves needs more: each hash after the first is one step up a
// tree at most 64 levels high. Refusing more bounds the work a hostile proof can cause.
constexpr size_t kMaxProofHashes = 65;

absl::Status CheckHashLengths(std::span<const std::string> proof) {
  if (proof.size() > kMaxProofHashes) {
    return absl::DataLossError(absl::StrCat("proof has ", proof.size(), " hashes; no tree needs ",
                                            "more than ", kMaxProofHashes));
  }
  for (size_t i = 0; i < proof.size(); ++i) {
    if (proof[i].size() != kHashSize) {
      return absl::DataLossError(
          absl::StrCat("proof hash ", i, " is ", proof[i].size(), " bytes, not ", kHashSize));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckHashLength(const char* what, std::string_view hash) {
  if (hash.size() == kHashSize) return absl::OkStatus();
  return absl::DataLossError(absl::StrCat(what, " is ", hash.size(), " bytes, not ", kHashSize));
}

// RFC 9162 step "right-shift fn and sn equally until either LSB(fn) is set or fn is 0".
void ShiftToSetBit(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

absl::Status VerifyInclusion(uint64_t index, uint64_t size, std::string_view leaf_hash,
                             std::span<const std::string> proof, std::string_view root) {
  if (index >= size) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf index ", index, " is not in a tree of size ", size));
  }
  if (absl::Status s = CheckHashLengths(proof); !s.ok()) return s;
  if (absl::Status s = CheckHashLength("leaf hash", leaf_hash); !s.ok()) return s;
  if (absl::Status s = CheckHashLength("root hash", root); !s.ok()) return s;

  uint64_t fn = index;
  uint64_t sn = size - 1;
  std::string r(leaf_hash);
  for (const std::string& p : proof) {
    if (sn == 0) {
      return absl::DataLossError(absl::StrCat("inclusion proof for leaf ", index, " in tree size ",
                                              size, " has too many hashes (", proof.size(), ")"));
    }
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      ShiftToSetBit(fn, sn);
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return absl::DataLossError(absl::StrCat("inclusion proof for leaf ", index, " in tree size ",
                                            size, " has too few hashes (", proof.size(), ")"));
  }
  if (r != root) {
    return absl::DataLossError(absl::StrCat("inclusion proof for leaf ", index, " in tree size ",
                                            size, " leads to a different root"));
  }
  return absl::OkStatus();
}

absl::Status VerifyConsistency(uint64_t size1, uint64_t size2, std::span<const std::string> proof,
                               std::string_view root1, std::string_view root2) {
  if (size1 == 0) {
    return absl::InvalidArgumentError(
        "a consistency proof from the empty tree proves nothing; skip the check instead");
  }
  if (size1 > size2) {
    return absl::InvalidArgumentError(
        absl::StrCat("tree size ", size1, " cannot grow into smaller size ", size2));
  }
  const std::string context = absl::StrCat("consistency proof from size ", size1, " to ", size2);
  if (size1 == size2) {
    if (!proof.empty()) {
      return absl::DataLossError(absl::StrCat(context, " must be empty, has ", proof.size()));
    }
    if (root1 != root2) return absl::DataLossError(absl::StrCat(context, ": roots differ"));
    return absl::OkStatus();
  }
  if (proof.empty()) return absl::DataLossError(absl::StrCat(context, " is empty"));
  if (absl::Status s = CheckHashLengths(proof); !s.ok()) return s;
  if (absl::Status s = CheckHashLength("old root hash", root1); !s.ok()) return s;
  if (absl::Status s = CheckHashLength("new root hash", root2); !s.ok()) return s;

  // When the old tree is a perfect subtree its root is the proof's implicit first hash.
  const bool old_is_perfect = std::has_single_bit(size1);
  uint64_t fn = size1 - 1;
  uint64_t sn = size2 - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  std::string fr(old_is_perfect ? root1 : std::string_view(proof[0]));
  std::string sr = fr;
  for (size_t i = old_is_perfect ? 0 : 1; i < proof.size(); ++i) {
    const std::string& c = proof[i];
    if (sn == 0) return absl::DataLossError(absl::StrCat(context, " has too many hashes"));
    if ((fn & 1) == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      ShiftToSetBit(fn, sn);
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return absl::DataLossError(absl::StrCat(context, " has too few hashes"));
  if (fr != root1)
    return absl::DataLossError(absl::StrCat(context, " does not lead to the old root"));
  if (sr != root2)
    return absl::DataLossError(absl::StrCat(context, " does not lead to the new root"));
  return absl::OkStatus();
}

}  // namespace fgc::ledger::log
