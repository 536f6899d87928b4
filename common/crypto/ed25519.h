// Ed25519 keys (RFC 8032, OpenSSL): signs the ledger's checkpoints and development JWTs, and
// verifies EdDSA tokens. Copies share one immutable EVP_PKEY; all methods are thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/crypto/evp_key.h"

namespace fgc::crypto {

inline constexpr size_t kEd25519PublicKeySize = 32;
inline constexpr size_t kEd25519SeedSize = 32;
inline constexpr size_t kEd25519SignatureSize = 64;

class Ed25519PublicKey {
 public:
  // From the raw 32-byte encoding (RFC 8032 §5.1.5; JWK "x"; the C2SP note verifier key).
  static absl::StatusOr<Ed25519PublicKey> FromRaw(std::string_view raw);
  // From a "PUBLIC KEY" PEM (SubjectPublicKeyInfo).
  static absl::StatusOr<Ed25519PublicKey> FromPem(std::string_view pem);

  const std::string& raw() const { return raw_; }  // 32 bytes
  absl::StatusOr<std::string> ToPem() const;

  // True only for a valid 64-byte signature of `message` by this key.
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  Ed25519PublicKey(internal::SharedKey key, std::string raw);
  static absl::StatusOr<Ed25519PublicKey> FromKey(internal::SharedKey key);

  internal::SharedKey key_;
  std::string raw_;

  friend class Ed25519PrivateKey;
};

class Ed25519PrivateKey {
 public:
  static absl::StatusOr<Ed25519PrivateKey> Generate();
  // From the 32-byte secret seed of RFC 8032 (test vectors; keys kept elsewhere).
  static absl::StatusOr<Ed25519PrivateKey> FromSeed(std::string_view seed);
  // From an unencrypted PKCS#8 "PRIVATE KEY" PEM.
  static absl::StatusOr<Ed25519PrivateKey> FromPem(std::string_view pem);
  // Reads a PEM file that must be private to its owner (see ReadPrivateFile).
  static absl::StatusOr<Ed25519PrivateKey> ReadPemFile(const std::filesystem::path& path);

  absl::StatusOr<std::string> ToPem() const;  // PKCS#8
  // Creates `path` (mode 0600) holding ToPem(); ALREADY_EXISTS rather than replacing a key.
  absl::Status WritePemFile(const std::filesystem::path& path) const;

  // The 64-byte signature of `message` (deterministic, RFC 8032).
  absl::StatusOr<std::string> Sign(std::string_view message) const;
  const Ed25519PublicKey& public_key() const { return public_key_; }

 private:
  Ed25519PrivateKey(internal::SharedKey key, Ed25519PublicKey public_key);
  static absl::StatusOr<Ed25519PrivateKey> FromKey(internal::SharedKey key);

  internal::SharedKey key_;
  Ed25519PublicKey public_key_;
};

}  // namespace fgc::crypto
