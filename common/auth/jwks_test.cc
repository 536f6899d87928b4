#include "common/auth/jwks.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/crypto/encoding.h"
#include "common/crypto/scoped_temp_dir.h"

namespace fgc::auth {
namespace {

// RFC 7515 A.3 (P-256) and RFC 8037 A.2 (Ed25519) public keys.
constexpr char kEcKey[] = R"({"kty":"EC","crv":"P-256","kid":"agency-1","use":"sig","alg":"ES256",)"
                          R"("x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                          R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})";
constexpr char kOkpKey[] = R"({"kty":"OKP","crv":"Ed25519","kid":"agency-2",)"
                           R"("x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})";

std::string Set(const std::string& keys) { return R"({"keys":[)" + keys + "]}"; }

absl::StatusCode ParseCode(const std::string& json) { return Jwks::Parse(json).status().code(); }

TEST(Jwks, ParsesP256AndEd25519KeysAndFindsThemByKid) {
  const Jwks jwks = Jwks::Parse(Set(std::string(kEcKey) + "," + kOkpKey)).value();
  ASSERT_EQ(jwks.keys().size(), 2u);
  ASSERT_NE(jwks.Find("agency-1"), nullptr);
  EXPECT_TRUE(std::holds_alternative<crypto::P256PublicKey>(jwks.Find("agency-1")->key));
  ASSERT_NE(jwks.Find("agency-2"), nullptr);
  EXPECT_EQ(crypto::HexEncode(std::get<crypto::Ed25519PublicKey>(jwks.Find("agency-2")->key).raw()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  EXPECT_EQ(jwks.Find("agency-3"), nullptr);
}

TEST(Jwks, IgnoresUnknownMembers) {
  std::string key = kOkpKey;
  key.insert(1, R"("x5t":"whatever","key_ops":["verify"],)");
  EXPECT_TRUE(Jwks::Parse(Set(key)).ok());
}

TEST(Jwks, RejectsRsaAndSymmetricKeys) {
  EXPECT_EQ(ParseCode(Set(R"({"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"})")),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseCode(Set(R"({"kty":"oct","kid":"s","k":"c2VjcmV0"})")),
            absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsOtherCurves) {
  std::string p384 = kEcKey;
  p384.replace(p384.find("P-256"), 5, "P-384");
  EXPECT_EQ(ParseCode(Set(p384)), absl::StatusCode::kInvalidArgument);
  std::string x25519 = kOkpKey;
  x25519.replace(x25519.find("Ed25519"), 7, "X25519");
  EXPECT_EQ(ParseCode(Set(x25519)), absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsOneBadKeyAmongGoodOnes) {
  EXPECT_EQ(ParseCode(Set(std::string(kEcKey) + R"(,{"kty":"oct","kid":"s","k":"c2VjcmV0"})")),
            absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsMissingOrDuplicateKids) {
  std::string no_kid = kOkpKey;
  no_kid.erase(no_kid.find(R"("kid":"agency-2",)"), 17);
  EXPECT_EQ(ParseCode(Set(no_kid)), absl::StatusCode::kInvalidArgument);
  std::string same_kid = kEcKey;
  same_kid.replace(same_kid.find("agency-1"), 8, "agency-2");
  EXPECT_EQ(ParseCode(Set(same_kid + "," + kOkpKey)), absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsAlgOrUseThatDoNotFitTheKey) {
  std::string hs256 = kEcKey;
  hs256.replace(hs256.find("ES256"), 5, "HS256");
  EXPECT_EQ(ParseCode(Set(hs256)), absl::StatusCode::kInvalidArgument);
  std::string enc = kEcKey;
  enc.replace(enc.find(R"("sig")"), 5, R"("enc")");
  EXPECT_EQ(ParseCode(Set(enc)), absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsPrivateKeyMaterial) {
  std::string with_d = kEcKey;
  with_d.insert(1, R"("d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI",)");
  EXPECT_EQ(ParseCode(Set(with_d)), absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsBadCoordinates) {
  std::string padded = kOkpKey;
  padded.replace(padded.find("URo"), 3, "URo=");
  EXPECT_EQ(ParseCode(Set(padded)), absl::StatusCode::kInvalidArgument);
  std::string short_x = kOkpKey;
  short_x.replace(short_x.find("11qY"), 4, "");
  EXPECT_EQ(ParseCode(Set(short_x)), absl::StatusCode::kInvalidArgument);
  std::string off_curve = kEcKey;
  off_curve.replace(off_curve.find("I5a0"), 4, "I5b0");
  EXPECT_EQ(ParseCode(Set(off_curve)), absl::StatusCode::kInvalidArgument);
}

TEST(Jwks, RejectsMalformedDocuments) {
  for (const char* bad : {"", "[]", R"({"keys":{}})", R"({"keys":[]})", R"({"keys":[1]})",
                          R"({"nokeys":[]})", "{\"keys\":["}) {
    EXPECT_EQ(ParseCode(bad), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Jwks, WritesJsonThatParsesBackToTheSameKeys) {
  const Jwks original = Jwks::Parse(Set(std::string(kEcKey) + "," + kOkpKey)).value();
  const Jwks reread = Jwks::Parse(original.ToJson()).value();
  ASSERT_EQ(reread.keys().size(), 2u);
  const auto& ec = std::get<crypto::P256PublicKey>(reread.Find("agency-1")->key);
  EXPECT_EQ(crypto::Base64UrlEncode(ec.x()), "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU");
  EXPECT_NE(original.ToJson().find(R"("alg": "EdDSA")"), std::string::npos);
}

TEST(Jwks, ReadsAFileAndReportsAMissingOne) {
  crypto::ScopedTempDir temp;
  std::ofstream(temp.path() / "jwks.json") << Set(kOkpKey);
  EXPECT_TRUE(Jwks::ReadFile(temp.path() / "jwks.json").ok());
  EXPECT_EQ(Jwks::ReadFile(temp.path() / "absent.json").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace fgc::auth
