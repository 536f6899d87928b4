// SHA-256 (OpenSSL), for token digests, Merkle leaves and nodes, and key ids.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace fgc::crypto {

inline constexpr size_t kSha256Size = 32;

// The 32-byte digest of `bytes`.
std::string Sha256(std::string_view bytes);

// The digest of the concatenation of `parts`, without building it (RFC 6962 node hashes are
// SHA-256(0x01 || left || right)).
std::string Sha256(std::initializer_list<std::string_view> parts);

// HMAC-SHA-256 (RFC 2104) of `message` under `key`: 32 bytes. For values that must be
// recomputable by whoever holds the key and unpredictable to anyone else.
std::string HmacSha256(std::string_view key, std::string_view message);

}  // namespace fgc::crypto
