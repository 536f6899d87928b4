// RFC 9162 §2.1's recursive definitions (MTH, PATH, PROOF) transcribed directly over a whole
// list of leaf hashes, hashing with SHA-256 itself: the independent oracle the log core's
// tests compare the stored-node algorithms against. Test-only; small trees only.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace fgc::ledger::log {

// MTH(D[n]) of the tree whose leaves have these hashes.
std::string ReferenceRoot(std::span<const std::string> leaf_hashes);
// PATH(index, D[n]).
std::vector<std::string> ReferenceInclusionProof(uint64_t index,
                                                 std::span<const std::string> leaf_hashes);
// PROOF(size1, D[n]).
std::vector<std::string> ReferenceConsistencyProof(uint64_t size1,
                                                   std::span<const std::string> leaf_hashes);

// `count` leaf hashes of random leaves of random lengths (0..40 bytes).
std::vector<std::string> RandomLeafHashes(size_t count, std::mt19937_64& random);

}  // namespace fgc::ledger::log
