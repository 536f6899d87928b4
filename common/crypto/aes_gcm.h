// AES-256-GCM authenticated encryption (OpenSSL), the one cipher fgc stores data under.
// Sealed format: version (1 byte, 0x01) || nonce (12 random bytes) || ciphertext || tag (16).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::crypto {

inline constexpr size_t kAesGcmKeySize = 32;
inline constexpr size_t kAesGcmNonceSize = 12;
inline constexpr size_t kAesGcmTagSize = 16;
inline constexpr uint8_t kAesGcmVersion = 0x01;
// Sealed size = plaintext size + kAesGcmOverhead.
inline constexpr size_t kAesGcmOverhead = 1 + kAesGcmNonceSize + kAesGcmTagSize;

// Encrypts `plaintext` under `key` (exactly 32 bytes, else INVALID_ARGUMENT) with a fresh
// random nonce. `aad` is authenticated, not stored: the same aad must be given to open, which
// is how a ciphertext is bound to where it belongs. The version byte is authenticated too.
// Random 96-bit nonces bound one key to about 2^32 seals; fgc's keys seal far fewer.
absl::StatusOr<std::string> AesGcmSeal(std::string_view key, std::string_view plaintext,
                                       std::string_view aad);

// Decrypts what AesGcmSeal made. DATA_LOSS, with no plaintext, for anything that does not
// authenticate: wrong key, wrong aad, any changed bit, truncation, an unknown version.
// INVALID_ARGUMENT for a key that is not 32 bytes.
absl::StatusOr<std::string> AesGcmOpen(std::string_view key, std::string_view sealed,
                                       std::string_view aad);

}  // namespace fgc::crypto
