// Verifies staff bearer tokens (DESIGN §6): compact JWS JWTs signed with ES256 or EdDSA by a
// key in the configured JWKS. Every rejection is UNAUTHENTICATED with a short message that
// names the rule, never the token's contents. Thread-safe: Verify is const and lock-free.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/claims.h"
#include "common/auth/jwks.h"

namespace fgc::auth {

struct JwtVerifierOptions {
  // The `aud` value (or one of the values) a token must carry to be meant for fgc.
  std::string audience = "fgc";
  // Clock skew allowed on exp, nbf and iat; at most 5 minutes.
  absl::Duration leeway = absl::Seconds(60);
  // Production sets this false: development keys (kid "dev-...") then neither load nor verify.
  bool accept_development_keys = true;
};

class JwtVerifier {
 public:
  // INVALID_ARGUMENT for an empty audience or a leeway outside [0, 5 min];
  // FAILED_PRECONDITION if the set holds a development key that the options refuse.
  static absl::StatusOr<JwtVerifier> Create(Jwks jwks, JwtVerifierOptions options = {});

  // The token's claims if it is a well-formed compact JWS (strict base64url, JSON objects
  // without duplicate members, `typ` JWT if present, no `crit`), with `alg` ES256 or EdDSA
  // matching the key named by `kid`, a valid signature, and claims that hold at `now`:
  // exp (required), nbf and iat within the leeway, aud containing the audience, sub, a valid
  // tenant, a staff role, and agency for referrer and agency_system. Anything else, `alg`
  // none and HS*/RS*/PS* included, is UNAUTHENTICATED.
  absl::StatusOr<Claims> Verify(std::string_view token, absl::Time now) const;

  // Verify, and also UNAUTHENTICATED unless the token is for `tenant`: a credential for
  // another tenant is no credential here.
  absl::StatusOr<Claims> VerifyForTenant(std::string_view token, std::string_view tenant,
                                         absl::Time now) const;

  const Jwks& jwks() const { return jwks_; }
  const JwtVerifierOptions& options() const { return options_; }

 private:
  JwtVerifier(Jwks jwks, JwtVerifierOptions options)
      : jwks_(std::move(jwks)), options_(std::move(options)) {}

  absl::StatusOr<Claims> CheckClaims(std::string_view payload, absl::Time now) const;

  Jwks jwks_;
  JwtVerifierOptions options_;
};

}  // namespace fgc::auth
