#include "common/auth/jwt_verifier.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "common/auth/dev_keys.h"
#include "common/auth/strict_json.h"
#include "common/crypto/encoding.h"

namespace fgc::auth {
namespace {

using nlohmann::json;

// Far above any real token (ours are ~400 bytes); bounds the work an anonymous caller causes.
constexpr size_t kMaxTokenBytes = 8 * 1024;
constexpr size_t kMaxSubjectBytes = 256;
// NumericDate bounds: 1970 to the end of year 9999.
constexpr double kMaxNumericDate = 253402300799.0;

absl::Status Reject(const char* why) { return absl::UnauthenticatedError(why); }

struct TokenParts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // header "." payload, exactly as sent
};

std::optional<TokenParts> Split(std::string_view token) {
  const size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  TokenParts parts{token.substr(0, first), token.substr(first + 1, second - first - 1),
                   token.substr(second + 1), token.substr(0, second)};
  if (parts.header.empty() || parts.payload.empty() || parts.signature.empty()) {
    return std::nullopt;
  }
  return parts;
}

// A base64url segment holding a JSON object.
std::optional<json> DecodeObject(std::string_view segment) {
  absl::StatusOr<std::string> bytes = crypto::Base64UrlDecode(segment);
  if (!bytes.ok()) return std::nullopt;
  absl::StatusOr<json> object = ParseStrictJson(*bytes);
  if (!object.ok() || !object->is_object()) return std::nullopt;
  return *std::move(object);
}

const std::string* StringMember(const json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// The algorithms fgc accepts, by the key type that must back them. Everything else (none,
// HS*, RS*, PS*, ES384, ...) has no entry and is refused before any key is touched.
enum class KeyType { kP256, kEd25519 };
std::optional<KeyType> KeyTypeForAlgorithm(std::string_view alg) {
  if (alg == "ES256") return KeyType::kP256;
  if (alg == "EdDSA" || alg == "Ed25519") return KeyType::kEd25519;  // RFC 8037, RFC 9864
  return std::nullopt;
}

bool VerifySignature(const JwkPublicKey& key, KeyType type, std::string_view input,
                     std::string_view signature) {
  if (type == KeyType::kP256) {
    const auto* p256 = std::get_if<crypto::P256PublicKey>(&key);
    return p256 != nullptr && p256->Verify(input, signature);
  }
  const auto* ed25519 = std::get_if<crypto::Ed25519PublicKey>(&key);
  return ed25519 != nullptr && ed25519->Verify(input, signature);
}

// A NumericDate claim (RFC 7519 §2): absent -> nullopt; present and malformed -> error.
absl::StatusOr<std::optional<absl::Time>> NumericDate(const json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end()) return std::nullopt;
  if (!it->is_number()) return Reject("malformed time claim");
  const double seconds = it->get<double>();
  if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxNumericDate) {
    return Reject("malformed time claim");
  }
  return absl::FromUnixSeconds(static_cast<int64_t>(std::floor(seconds)));
}

bool AudienceMatches(const json& claims, std::string_view audience, std::vector<std::string>* out) {
  const auto it = claims.find("aud");
  if (it == claims.end()) return false;
  if (it->is_string()) {
    out->push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const json& value : *it) {
      if (!value.is_string()) return false;
      out->push_back(value.get<std::string>());
    }
  } else {
    return false;
  }
  for (const std::string& value : *out) {
    if (value == audience) return true;
  }
  return false;
}

absl::Status CheckTimes(const json& payload, absl::Time now, absl::Duration leeway,
                        Claims* claims) {
  absl::StatusOr<std::optional<absl::Time>> exp = NumericDate(payload, "exp");
  absl::StatusOr<std::optional<absl::Time>> nbf = NumericDate(payload, "nbf");
  absl::StatusOr<std::optional<absl::Time>> iat = NumericDate(payload, "iat");
  if (!exp.ok() || !nbf.ok() || !iat.ok()) return Reject("malformed time claim");
  if (!exp->has_value()) return Reject("missing exp claim");
  if (now >= **exp + leeway) return Reject("token expired");
  if (nbf->has_value() && now + leeway < **nbf) return Reject("token not yet valid");
  if (iat->has_value() && now + leeway < **iat) return Reject("token issued in the future");
  claims->exp = **exp;
  claims->nbf = *nbf;
  claims->iat = *iat;
  return absl::OkStatus();
}

absl::Status CheckIdentity(const json& payload, Claims* claims) {
  const std::string* sub = StringMember(payload, "sub");
  if (sub == nullptr || sub->empty() || sub->size() > kMaxSubjectBytes) {
    return Reject("missing or invalid sub claim");
  }
  const std::string* tenant = StringMember(payload, "tenant");
  if (tenant == nullptr || !IsValidTenantId(*tenant)) {
    return Reject("missing or invalid tenant claim");
  }
  const std::string* role_name = StringMember(payload, "role");
  absl::StatusOr<Role> role =
      role_name == nullptr ? absl::InvalidArgumentError("missing") : ParseRole(*role_name);
  if (!role.ok() || !IsStaffRole(*role)) return Reject("missing or invalid role claim");
  if (payload.contains("agency")) {
    const std::string* agency = StringMember(payload, "agency");
    if (agency == nullptr || agency->empty() || agency->size() > kMaxSubjectBytes) {
      return Reject("invalid agency claim");
    }
    claims->agency = *agency;
  }
  if (RoleRequiresAgency(*role) && claims->agency.empty()) return Reject("missing agency claim");
  if (payload.contains("jti")) {
    const std::string* jti = StringMember(payload, "jti");
    if (jti == nullptr) return Reject("invalid jti claim");
    claims->jti = *jti;
  }
  claims->sub = *sub;
  claims->tenant = *tenant;
  claims->role = *role;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<JwtVerifier> JwtVerifier::Create(Jwks jwks, JwtVerifierOptions options) {
  if (options.audience.empty()) return absl::InvalidArgumentError("JWT audience must be set");
  if (options.leeway < absl::ZeroDuration() || options.leeway > absl::Minutes(5)) {
    return absl::InvalidArgumentError("JWT leeway must be between 0 and 5 minutes");
  }
  if (!options.accept_development_keys) {
    for (const Jwk& jwk : jwks.keys()) {
      if (IsDevelopmentKid(jwk.kid)) {
        return absl::FailedPreconditionError("development key \"" + jwk.kid +
                                             "\" is refused in production mode");
      }
    }
  }
  return JwtVerifier(std::move(jwks), std::move(options));
}

absl::StatusOr<Claims> JwtVerifier::Verify(std::string_view token, absl::Time now) const {
  if (token.size() > kMaxTokenBytes) return Reject("malformed token");
  const std::optional<TokenParts> parts = Split(token);
  if (!parts.has_value()) return Reject("malformed token");
  const std::optional<json> header = DecodeObject(parts->header);
  if (!header.has_value()) return Reject("malformed token");

  const std::string* alg = StringMember(*header, "alg");
  if (alg == nullptr) return Reject("malformed token");
  const std::optional<KeyType> key_type = KeyTypeForAlgorithm(*alg);
  if (!key_type.has_value()) return Reject("unsupported algorithm");
  if (header->contains("typ")) {
    const std::string* typ = StringMember(*header, "typ");
    if (typ == nullptr || !absl::EqualsIgnoreCase(*typ, "JWT")) return Reject("not a JWT");
  }
  // No header extension is understood, so none marked critical may be ignored (RFC 7515).
  if (header->contains("crit")) return Reject("unsupported critical header");

  const std::string* kid = StringMember(*header, "kid");
  if (kid == nullptr || kid->empty()) return Reject("missing key id");
  const Jwk* jwk = jwks_.Find(*kid);
  if (jwk == nullptr || (!options_.accept_development_keys && IsDevelopmentKid(*kid))) {
    return Reject("unknown key");
  }
  const bool key_is_p256 = std::holds_alternative<crypto::P256PublicKey>(jwk->key);
  if (key_is_p256 != (*key_type == KeyType::kP256)) {
    return Reject("algorithm does not match key");
  }
  absl::StatusOr<std::string> signature = crypto::Base64UrlDecode(parts->signature);
  if (!signature.ok()) return Reject("malformed token");
  if (!VerifySignature(jwk->key, *key_type, parts->signing_input, *signature)) {
    return Reject("invalid signature");
  }

  absl::StatusOr<Claims> claims = CheckClaims(parts->payload, now);
  if (claims.ok()) claims->kid = *kid;
  return claims;
}

// Runs only on a payload whose signature verified: unauthenticated claims are never read.
absl::StatusOr<Claims> JwtVerifier::CheckClaims(std::string_view payload_segment,
                                                absl::Time now) const {
  const std::optional<json> payload = DecodeObject(payload_segment);
  if (!payload.has_value()) return Reject("malformed token");
  Claims claims;
  try {
    if (absl::Status s = CheckTimes(*payload, now, options_.leeway, &claims); !s.ok()) return s;
    if (!AudienceMatches(*payload, options_.audience, &claims.aud)) return Reject("wrong audience");
    if (absl::Status s = CheckIdentity(*payload, &claims); !s.ok()) return s;
  } catch (const json::exception&) {
    return Reject("malformed token");  // type checks above make this unreachable; belt and braces
  }
  return claims;
}

absl::StatusOr<Claims> JwtVerifier::VerifyForTenant(std::string_view token, std::string_view tenant,
                                                    absl::Time now) const {
  absl::StatusOr<Claims> claims = Verify(token, now);
  if (!claims.ok()) return claims;
  if (claims->tenant != tenant) return Reject("token is for another tenant");
  return claims;
}

}  // namespace fgc::auth
