// A JSON Web Key Set (RFC 7517) of the public keys whose JWTs fgc accepts: EC P-256 (ES256)
// and Ed25519 (EdDSA, RFC 8037) only. Immutable once built; safe to share between threads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "common/crypto/ec_p256.h"
#include "common/crypto/ed25519.h"

namespace fgc::auth {

using JwkPublicKey = std::variant<crypto::P256PublicKey, crypto::Ed25519PublicKey>;

struct Jwk {
  std::string kid;
  JwkPublicKey key;
};

// The JOSE algorithm a key signs with: "ES256" for P-256, "EdDSA" for Ed25519.
std::string_view JwkAlgorithm(const JwkPublicKey& key);

class Jwks {
 public:
  // INVALID_ARGUMENT for an empty set, an empty kid or a kid used twice.
  static absl::StatusOr<Jwks> Create(std::vector<Jwk> keys);

  // Parses {"keys": [...]}. Each key needs a kid and is {kty EC, crv P-256, x, y} or
  // {kty OKP, crv Ed25519, x}; `use`, if present, must be "sig" and `alg`, if present, must
  // match the key (ES256 / EdDSA). The whole set is INVALID_ARGUMENT if any key is anything
  // else (RSA, "oct" secrets, other curves), carries private material ("d"), or has bad
  // base64url: a key file that is partly wrong is wrong, not quietly half-used.
  static absl::StatusOr<Jwks> Parse(std::string_view json);
  static absl::StatusOr<Jwks> ReadFile(const std::filesystem::path& path);

  const Jwk* Find(std::string_view kid) const;  // nullptr if absent
  const std::vector<Jwk>& keys() const { return keys_; }

  // The set as JSON that Parse reads back, with "use":"sig" and "alg" on every key.
  std::string ToJson() const;

 private:
  explicit Jwks(std::vector<Jwk> keys) : keys_(std::move(keys)) {}

  std::vector<Jwk> keys_;
};

}  // namespace fgc::auth
