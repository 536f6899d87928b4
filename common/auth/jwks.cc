#include "common/auth/jwks.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "absl/status/status.h"
#include "common/auth/strict_json.h"
#include "common/crypto/encoding.h"

namespace fgc::auth {
namespace {

using nlohmann::json;

constexpr size_t kMaxJwksBytes = 1 << 20;

absl::Status Invalid(std::string_view kid, std::string_view why) {
  std::string message = "JWKS key";
  if (!kid.empty()) message.append(" \"").append(kid).append("\"");
  message.append(": ").append(why);
  return absl::InvalidArgumentError(message);
}

// A member that must be a string when present; nullptr when absent.
absl::StatusOr<const std::string*> OptionalString(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end()) return nullptr;
  if (!it->is_string()) return Invalid("", std::string(name) + " must be a string");
  return it->get_ptr<const std::string*>();
}

absl::StatusOr<std::string> Coordinate(const json& object, const char* name, std::string_view kid) {
  absl::StatusOr<const std::string*> text = OptionalString(object, name);
  if (!text.ok()) return text.status();
  if (*text == nullptr) return Invalid(kid, std::string("missing ") + name);
  absl::StatusOr<std::string> bytes = crypto::Base64UrlDecode(**text);
  if (!bytes.ok()) return Invalid(kid, std::string(name) + " is not base64url");
  return bytes;
}

absl::StatusOr<JwkPublicKey> ParseKeyMaterial(const json& object, std::string_view kty,
                                              std::string_view crv, std::string_view kid) {
  if (kty == "EC" && crv == "P-256") {
    absl::StatusOr<std::string> x = Coordinate(object, "x", kid);
    if (!x.ok()) return x.status();
    absl::StatusOr<std::string> y = Coordinate(object, "y", kid);
    if (!y.ok()) return y.status();
    absl::StatusOr<crypto::P256PublicKey> key = crypto::P256PublicKey::FromCoordinates(*x, *y);
    if (!key.ok()) return Invalid(kid, std::string(key.status().message()));
    return JwkPublicKey(*std::move(key));
  }
  if (kty == "OKP" && crv == "Ed25519") {
    absl::StatusOr<std::string> x = Coordinate(object, "x", kid);
    if (!x.ok()) return x.status();
    absl::StatusOr<crypto::Ed25519PublicKey> key = crypto::Ed25519PublicKey::FromRaw(*x);
    if (!key.ok()) return Invalid(kid, std::string(key.status().message()));
    return JwkPublicKey(*std::move(key));
  }
  return Invalid(kid, "unsupported key type (only EC P-256 and OKP Ed25519)");
}

absl::StatusOr<Jwk> ParseKey(const json& object) {
  if (!object.is_object()) return Invalid("", "not an object");
  absl::StatusOr<const std::string*> kid = OptionalString(object, "kid");
  if (!kid.ok()) return kid.status();
  if (*kid == nullptr || (*kid)->empty()) return Invalid("", "missing kid");
  absl::StatusOr<const std::string*> kty = OptionalString(object, "kty");
  absl::StatusOr<const std::string*> crv = OptionalString(object, "crv");
  absl::StatusOr<const std::string*> use = OptionalString(object, "use");
  absl::StatusOr<const std::string*> alg = OptionalString(object, "alg");
  for (const auto* member : {&kty, &crv, &use, &alg}) {
    if (!member->ok()) return Invalid(**kid, std::string(member->status().message()));
  }
  if (*kty == nullptr) return Invalid(**kid, "missing kty");
  if (object.contains("d")) return Invalid(**kid, "private key material in a public key set");
  if (*use != nullptr && **use != "sig") return Invalid(**kid, "use must be \"sig\"");
  absl::StatusOr<JwkPublicKey> key =
      ParseKeyMaterial(object, **kty, *crv == nullptr ? "" : std::string_view(**crv), **kid);
  if (!key.ok()) return key.status();
  if (*alg != nullptr && **alg != JwkAlgorithm(*key)) {
    return Invalid(**kid, "alg does not match the key type");
  }
  return Jwk{**kid, *std::move(key)};
}

json KeyToJson(const Jwk& jwk) {
  json out = {{"kid", jwk.kid}, {"use", "sig"}, {"alg", std::string(JwkAlgorithm(jwk.key))}};
  if (const auto* p256 = std::get_if<crypto::P256PublicKey>(&jwk.key)) {
    out["kty"] = "EC";
    out["crv"] = "P-256";
    out["x"] = crypto::Base64UrlEncode(p256->x());
    out["y"] = crypto::Base64UrlEncode(p256->y());
  } else {
    out["kty"] = "OKP";
    out["crv"] = "Ed25519";
    out["x"] = crypto::Base64UrlEncode(std::get<crypto::Ed25519PublicKey>(jwk.key).raw());
  }
  return out;
}

}  // namespace

std::string_view JwkAlgorithm(const JwkPublicKey& key) {
  return std::holds_alternative<crypto::P256PublicKey>(key) ? "ES256" : "EdDSA";
}

absl::StatusOr<Jwks> Jwks::Create(std::vector<Jwk> keys) {
  if (keys.empty()) return absl::InvalidArgumentError("JWKS has no keys");
  std::set<std::string_view> kids;
  for (const Jwk& jwk : keys) {
    if (jwk.kid.empty()) return Invalid("", "missing kid");
    if (!kids.insert(jwk.kid).second) return Invalid(jwk.kid, "kid used twice");
  }
  return Jwks(std::move(keys));
}

absl::StatusOr<Jwks> Jwks::Parse(std::string_view text) {
  absl::StatusOr<json> document = ParseStrictJson(text);
  if (!document.ok()) return absl::InvalidArgumentError("JWKS is not valid JSON");
  if (!document->is_object() || !document->contains("keys") || !(*document)["keys"].is_array()) {
    return absl::InvalidArgumentError("JWKS must be an object with a \"keys\" array");
  }
  std::vector<Jwk> keys;
  try {
    for (const json& object : (*document)["keys"]) {
      absl::StatusOr<Jwk> jwk = ParseKey(object);
      if (!jwk.ok()) return jwk.status();
      keys.push_back(*std::move(jwk));
    }
  } catch (const json::exception&) {
    return absl::InvalidArgumentError("JWKS is malformed");  // nothing escapes this module
  }
  return Create(std::move(keys));
}

absl::StatusOr<Jwks> Jwks::ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot read JWKS file " + path.string());
  std::string text(kMaxJwksBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxJwksBytes) {
    return absl::InvalidArgumentError("JWKS file " + path.string() + " is too large");
  }
  absl::StatusOr<Jwks> jwks = Parse(text);
  if (!jwks.ok()) {
    return absl::InvalidArgumentError(path.string() + ": " + std::string(jwks.status().message()));
  }
  return jwks;
}

const Jwk* Jwks::Find(std::string_view kid) const {
  for (const Jwk& jwk : keys_) {
    if (jwk.kid == kid) return &jwk;
  }
  return nullptr;
}

std::string Jwks::ToJson() const {
  json keys = json::array();
  for (const Jwk& jwk : keys_) keys.push_back(KeyToJson(jwk));
  // Replacing invalid UTF-8 (possible only in a kid given to Create) keeps dump() from throwing.
  return json{{"keys", keys}}.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace fgc::auth
