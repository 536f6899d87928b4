// Checking RFC 9162 proofs (§2.1.3.2 inclusion, §2.1.4.2 consistency) against tree heads, as
// a client or the offline verifier does. Hostile input is expected: any sizes, any proof
// lengths, any byte strings; work is bounded by 64 proof hashes. Pure functions, thread-safe.
//
// Errors:
//  - INVALID_ARGUMENT: the claim is impossible whatever the proof (a leaf index not below the
//    tree size; a consistency proof from the empty tree or to a smaller tree).
//  - DATA_LOSS: the proof does not prove the claim (too few or too many hashes, a hash that is
//    not 32 bytes, a computed root that differs): the data is not what the log committed to.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace fgc::ledger::log {

// OK if `proof` shows the leaf with `leaf_hash` at `index` in the tree of `size` leaves
// whose root is `root`. A tree of one leaf has an empty proof and its leaf hash as root.
absl::Status VerifyInclusion(uint64_t index, uint64_t size, std::string_view leaf_hash,
                             std::span<const std::string> proof, std::string_view root);

// OK if `proof` shows the tree of `size1` leaves with `root1` is a prefix of the tree of
// `size2` leaves with `root2`. Equal sizes need an empty proof and equal roots (compared, not
// interpreted). size1 == 0 is rejected: every tree extends the empty tree, so such a "proof"
// would prove nothing; a client holding no checkpoint yet skips this check instead.
absl::Status VerifyConsistency(uint64_t size1, uint64_t size2, std::span<const std::string> proof,
                               std::string_view root1, std::string_view root2);

}  // namespace fgc::ledger::log
