#include "common/auth/jwt_signer.h"

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "common/crypto/encoding.h"

namespace fgc::auth {
namespace {

using nlohmann::json;

absl::Status CheckClaims(const Claims& claims) {
  if (claims.sub.empty()) return absl::InvalidArgumentError("sub must not be empty");
  if (!IsValidTenantId(claims.tenant)) {
    return absl::InvalidArgumentError("tenant must match [a-z0-9][a-z0-9-]{0,62}");
  }
  if (!IsStaffRole(claims.role)) return absl::InvalidArgumentError("family holds no JWT");
  if (RoleRequiresAgency(claims.role) && claims.agency.empty()) {
    return absl::InvalidArgumentError(std::string(RoleName(claims.role)) +
                                      " tokens must name an agency");
  }
  if (claims.aud.empty()) return absl::InvalidArgumentError("aud must not be empty");
  return absl::OkStatus();
}

json ClaimsToJson(const Claims& claims) {
  json payload = {{"sub", claims.sub},
                  {"tenant", claims.tenant},
                  {"role", std::string(RoleName(claims.role))},
                  {"exp", absl::ToUnixSeconds(claims.exp)}};
  if (!claims.agency.empty()) payload["agency"] = claims.agency;
  if (claims.nbf.has_value()) payload["nbf"] = absl::ToUnixSeconds(*claims.nbf);
  if (claims.iat.has_value()) payload["iat"] = absl::ToUnixSeconds(*claims.iat);
  if (claims.aud.size() == 1) {
    payload["aud"] = claims.aud.front();
  } else {
    payload["aud"] = claims.aud;
  }
  if (!claims.jti.empty()) payload["jti"] = claims.jti;
  return payload;
}

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

JwtSigner::JwtSigner(std::string kid, crypto::Ed25519PrivateKey key)
    : kid_(std::move(kid)), key_(std::move(key)) {}

JwtSigner::JwtSigner(std::string kid, crypto::P256PrivateKey key)
    : kid_(std::move(kid)), key_(std::move(key)) {}

std::string_view JwtSigner::algorithm() const {
  return std::holds_alternative<crypto::P256PrivateKey>(key_) ? "ES256" : "EdDSA";
}

Jwk JwtSigner::PublicJwk() const {
  if (const auto* p256 = std::get_if<crypto::P256PrivateKey>(&key_)) {
    return Jwk{kid_, p256->public_key()};
  }
  return Jwk{kid_, std::get<crypto::Ed25519PrivateKey>(key_).public_key()};
}

absl::StatusOr<std::string> JwtSigner::Sign(const Claims& claims) const {
  if (absl::Status valid = CheckClaims(claims); !valid.ok()) return valid;
  const json header = {{"alg", std::string(algorithm())}, {"kid", kid_}, {"typ", "JWT"}};
  return SignRaw(Dump(header), Dump(ClaimsToJson(claims)));
}

absl::StatusOr<std::string> JwtSigner::SignRaw(std::string_view header_json,
                                               std::string_view payload_json) const {
  std::string input = crypto::Base64UrlEncode(header_json);
  input.append(".").append(crypto::Base64UrlEncode(payload_json));
  absl::StatusOr<std::string> signature =
      std::visit([&](const auto& key) { return key.Sign(input); }, key_);
  if (!signature.ok()) return signature.status();
  return input + "." + crypto::Base64UrlEncode(*signature);
}

}  // namespace fgc::auth
