// Mints compact JWTs signed with EdDSA (Ed25519) or ES256, for `fgcctl dev token` and tests:
// the tokens JwtVerifier accepts. Thread-safe: Sign is const.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "absl/status/statusor.h"
#include "common/auth/claims.h"
#include "common/auth/jwks.h"
#include "common/crypto/ec_p256.h"
#include "common/crypto/ed25519.h"

namespace fgc::auth {

class JwtSigner {
 public:
  JwtSigner(std::string kid, crypto::Ed25519PrivateKey key);
  JwtSigner(std::string kid, crypto::P256PrivateKey key);

  const std::string& kid() const { return kid_; }
  std::string_view algorithm() const;  // "EdDSA" or "ES256"
  // The public half as a JWKS entry, for the verifier's key set.
  Jwk PublicJwk() const;

  // A token for `claims` with header {"alg", "kid", "typ":"JWT"}. Claims that no verifier
  // would accept whatever the time (empty sub or aud, malformed tenant, the family role, a
  // referrer without agency) are INVALID_ARGUMENT; times are not judged. `kid` in claims is
  // ignored. aud is written as a string when it has one value, else as an array.
  absl::StatusOr<std::string> Sign(const Claims& claims) const;

  // Signs `header_json` and `payload_json` exactly as given (base64url of each, joined by
  // '.', then the signature): tests use it to craft tokens the verifier must refuse.
  absl::StatusOr<std::string> SignRaw(std::string_view header_json,
                                      std::string_view payload_json) const;

 private:
  std::string kid_;
  std::variant<crypto::Ed25519PrivateKey, crypto::P256PrivateKey> key_;
};

}  // namespace fgc::auth
