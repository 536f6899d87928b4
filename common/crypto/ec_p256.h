// ECDSA over NIST P-256 with SHA-256 (JOSE "ES256", OpenSSL): verifies agency JWTs and mints
// ES256 tokens in tests. Signatures are JOSE-style raw r || s (64 bytes), not DER.
// Copies share one immutable EVP_PKEY; all methods are thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/crypto/evp_key.h"

namespace fgc::crypto {

inline constexpr size_t kP256CoordinateSize = 32;
inline constexpr size_t kP256SignatureSize = 64;  // r || s, each 32 bytes big-endian

class P256PublicKey {
 public:
  // From the affine coordinates as JWK "x" and "y" carry them (32 bytes big-endian each,
  // already base64url-decoded). INVALID_ARGUMENT unless the point lies on the curve.
  static absl::StatusOr<P256PublicKey> FromCoordinates(std::string_view x, std::string_view y);
  static absl::StatusOr<P256PublicKey> FromPem(std::string_view pem);  // "PUBLIC KEY"

  const std::string& x() const { return x_; }  // 32 bytes
  const std::string& y() const { return y_; }  // 32 bytes
  absl::StatusOr<std::string> ToPem() const;

  // True only for a valid ES256 signature (64-byte r || s) of `message` by this key.
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  P256PublicKey(internal::SharedKey key, std::string x, std::string y);
  static absl::StatusOr<P256PublicKey> FromKey(internal::SharedKey key);

  internal::SharedKey key_;
  std::string x_;
  std::string y_;

  friend class P256PrivateKey;
};

class P256PrivateKey {
 public:
  static absl::StatusOr<P256PrivateKey> Generate();
  static absl::StatusOr<P256PrivateKey> FromPem(std::string_view pem);  // PKCS#8 or SEC 1
  static absl::StatusOr<P256PrivateKey> ReadPemFile(const std::filesystem::path& path);

  absl::StatusOr<std::string> ToPem() const;                           // PKCS#8
  absl::Status WritePemFile(const std::filesystem::path& path) const;  // 0600, exclusive

  // An ES256 signature of `message`: 64 bytes r || s (randomised, so it differs each call).
  absl::StatusOr<std::string> Sign(std::string_view message) const;
  const P256PublicKey& public_key() const { return public_key_; }

 private:
  P256PrivateKey(internal::SharedKey key, P256PublicKey public_key);
  static absl::StatusOr<P256PrivateKey> FromKey(internal::SharedKey key);

  internal::SharedKey key_;
  P256PublicKey public_key_;
};

// Signature conversions between JOSE (RFC 7518 §3.4: r || s, 32 bytes each) and the DER
// ECDSA-Sig-Value OpenSSL speaks. INVALID_ARGUMENT for a wrong length, bad DER, or an r or s
// that does not fit in 32 bytes.
absl::StatusOr<std::string> JoseToDerSignature(std::string_view jose);
absl::StatusOr<std::string> DerToJoseSignature(std::string_view der);

}  // namespace fgc::crypto
