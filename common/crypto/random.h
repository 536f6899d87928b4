// Randomness and secret comparison: key material, nonces and the family's invitation tokens
// (DESIGN §6) come from OpenSSL's CSPRNG.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::crypto {

inline constexpr size_t kOpaqueTokenBytes = 32;

// `n` bytes from RAND_bytes; INTERNAL if the generator cannot deliver (it then must not be
// used, so this is an error rather than weaker bytes).
absl::StatusOr<std::string> RandomBytes(size_t n);

// A bearer secret for a family member: 32 random bytes, base64url without padding (43
// characters). Store only Sha256 of it; compare digests with ConstantTimeEquals.
absl::StatusOr<std::string> NewOpaqueToken();

// Equality that takes the same time wherever the inputs differ (CRYPTO_memcmp). Different
// lengths compare unequal at once: lengths are not secret here (digests, tags).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace fgc::crypto
