#include "common/auth/jwt_verifier.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "common/auth/jwt_signer.h"
#include "common/crypto/encoding.h"

namespace fgc::auth {
namespace {

using crypto::Base64UrlEncode;

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

class JwtVerifierTest : public ::testing::Test {
 protected:
  const crypto::Ed25519PrivateKey ed_key_ = crypto::Ed25519PrivateKey::Generate().value();
  const JwtSigner ed_signer_{"ed-1", ed_key_};
  const JwtSigner ec_signer_{"ec-1", crypto::P256PrivateKey::Generate().value()};
  const JwtVerifier verifier_ =
      JwtVerifier::Create(Jwks::Create({ed_signer_.PublicJwk(), ec_signer_.PublicJwk()}).value())
          .value();

  static Claims ValidClaims() {
    Claims claims;
    claims.sub = "alice@fgc.example";
    claims.tenant = "t1";
    claims.role = Role::kCoordinator;
    claims.exp = kNow + absl::Hours(1);
    claims.iat = kNow;
    claims.aud = {"fgc"};
    return claims;
  }

  static std::string Header(const std::string& alg, const std::string& kid) {
    return R"({"alg":")" + alg + R"(","kid":")" + kid + R"(","typ":"JWT"})";
  }

  static std::string Payload(const std::string& extra = "") {
    return R"({"sub":"alice","tenant":"t1","role":"coordinator","aud":"fgc","exp":)" +
           std::to_string(absl::ToUnixSeconds(kNow + absl::Hours(1))) + extra + "}";
  }

  void ExpectUnauthenticated(std::string_view token, std::string_view why = "") const {
    const absl::StatusOr<Claims> claims = verifier_.Verify(token, kNow);
    EXPECT_EQ(claims.status().code(), absl::StatusCode::kUnauthenticated) << why << ": " << token;
  }

  void ExpectClaimsRejected(const Claims& claims) const {
    ExpectUnauthenticated(ed_signer_.Sign(claims).value());
  }
};

TEST_F(JwtVerifierTest, AcceptsAValidEdDsaToken) {
  Claims wanted = ValidClaims();
  wanted.jti = "token-1";
  const Claims claims = verifier_.Verify(ed_signer_.Sign(wanted).value(), kNow).value();
  EXPECT_EQ(claims.sub, "alice@fgc.example");
  EXPECT_EQ(claims.tenant, "t1");
  EXPECT_EQ(claims.role, Role::kCoordinator);
  EXPECT_EQ(claims.exp, kNow + absl::Hours(1));
  EXPECT_EQ(claims.iat, kNow);
  EXPECT_EQ(claims.aud, std::vector<std::string>{"fgc"});
  EXPECT_EQ(claims.jti, "token-1");
  EXPECT_EQ(claims.kid, "ed-1");
}

TEST_F(JwtVerifierTest, AcceptsAValidEs256TokenWithAgency) {
  Claims wanted = ValidClaims();
  wanted.role = Role::kReferrer;
  wanted.agency = "oranga-tamariki-north";
  const Claims claims = verifier_.Verify(ec_signer_.Sign(wanted).value(), kNow).value();
  EXPECT_EQ(claims.role, Role::kReferrer);
  EXPECT_EQ(claims.agency, "oranga-tamariki-north");
  EXPECT_EQ(claims.kid, "ec-1");
}

TEST_F(JwtVerifierTest, AcceptsAnAudienceArrayThatContainsFgc) {
  Claims claims = ValidClaims();
  claims.aud = {"other-service", "fgc"};
  EXPECT_TRUE(verifier_.Verify(ed_signer_.Sign(claims).value(), kNow).ok());
}

TEST_F(JwtVerifierTest, RejectsAlgNone) {
  const std::string unsigned_token =
      Base64UrlEncode(Header("none", "ed-1")) + "." + Base64UrlEncode(Payload()) + ".";
  ExpectUnauthenticated(unsigned_token, "empty signature");
  ExpectUnauthenticated(ed_signer_.SignRaw(Header("none", "ed-1"), Payload()).value(),
                        "none with a real signature");
  ExpectUnauthenticated(ed_signer_.SignRaw(Header("None", "ed-1"), Payload()).value(), "None");
}

// The classic confusion attack: an HMAC keyed with the verifier's public key, hoping the
// verifier feeds its public key to HMAC because the header says HS256.
TEST_F(JwtVerifierTest, RejectsHs256KeyedWithThePublicKey) {
  const std::string input =
      Base64UrlEncode(Header("HS256", "ed-1")) + "." + Base64UrlEncode(Payload());
  for (const std::string& secret :
       {ed_key_.public_key().raw(), ed_key_.public_key().ToPem().value()}) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_length = 0;
    ASSERT_NE(
        HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
             reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &mac_length),
        nullptr);
    const std::string token =
        input + "." + Base64UrlEncode(std::string(reinterpret_cast<char*>(mac), mac_length));
    ExpectUnauthenticated(token, "HS256");
  }
}

TEST_F(JwtVerifierTest, RejectsEveryOtherAlgorithm) {
  for (const char* alg :
       {"HS384", "HS512", "RS256", "PS256", "ES384", "ES512", "ES256K", "", "es256"}) {
    ExpectUnauthenticated(ed_signer_.SignRaw(Header(alg, "ed-1"), Payload()).value(), alg);
  }
}

TEST_F(JwtVerifierTest, RejectsAnAlgorithmThatDoesNotMatchTheKey) {
  // A valid ES256 signature, but the kid names the Ed25519 key, and the other way round.
  const JwtSigner ec_as_ed("ed-1", crypto::P256PrivateKey::Generate().value());
  ExpectUnauthenticated(ec_as_ed.SignRaw(Header("ES256", "ed-1"), Payload()).value());
  ExpectUnauthenticated(ed_signer_.SignRaw(Header("EdDSA", "ec-1"), Payload()).value());
}

TEST_F(JwtVerifierTest, RejectsAnExpiredToken) {
  Claims claims = ValidClaims();
  claims.exp = kNow - absl::Minutes(2);
  ExpectClaimsRejected(claims);
}

TEST_F(JwtVerifierTest, ExpiryAllowsTheConfiguredLeeway) {
  Claims claims = ValidClaims();
  claims.exp = kNow - absl::Seconds(30);
  EXPECT_TRUE(verifier_.Verify(ed_signer_.Sign(claims).value(), kNow).ok());
}

TEST_F(JwtVerifierTest, RejectsATokenWithoutExp) {
  ExpectUnauthenticated(ed_signer_
                            .SignRaw(Header("EdDSA", "ed-1"),
                                     R"({"sub":"a","tenant":"t1","role":"coordinator",)"
                                     R"("aud":"fgc"})")
                            .value());
}

TEST_F(JwtVerifierTest, RejectsATokenNotYetValid) {
  Claims claims = ValidClaims();
  claims.nbf = kNow + absl::Minutes(2);
  ExpectClaimsRejected(claims);
}

TEST_F(JwtVerifierTest, NotBeforeAllowsTheConfiguredLeeway) {
  Claims claims = ValidClaims();
  claims.nbf = kNow + absl::Seconds(30);
  EXPECT_TRUE(verifier_.Verify(ed_signer_.Sign(claims).value(), kNow).ok());
}

TEST_F(JwtVerifierTest, RejectsATokenIssuedInTheFuture) {
  Claims claims = ValidClaims();
  claims.iat = kNow + absl::Minutes(10);
  ExpectClaimsRejected(claims);
}

TEST_F(JwtVerifierTest, RejectsMalformedTimeClaims) {
  for (const char* exp : {R"("1800003600")", "-1", "1e300", "null", "[1]"}) {
    const std::string payload = R"({"sub":"a","tenant":"t1","role":"coordinator","aud":"fgc",)"
                                R"("exp":)" +
                                std::string(exp) + "}";
    ExpectUnauthenticated(ed_signer_.SignRaw(Header("EdDSA", "ed-1"), payload).value(), exp);
  }
}

TEST_F(JwtVerifierTest, RejectsTheWrongAudience) {
  Claims claims = ValidClaims();
  claims.aud = {"another-api"};
  ExpectClaimsRejected(claims);
  claims.aud = {"another-api", "fgc-staging"};
  ExpectClaimsRejected(claims);
  ExpectUnauthenticated(
      ed_signer_
          .SignRaw(Header("EdDSA", "ed-1"),
                   R"({"sub":"a","tenant":"t1","role":"coordinator","exp":1800003600})")
          .value(),
      "missing aud");
}

TEST_F(JwtVerifierTest, VerifyForTenantRejectsACredentialForAnotherTenant) {
  const std::string token = ed_signer_.Sign(ValidClaims()).value();
  EXPECT_TRUE(verifier_.VerifyForTenant(token, "t1", kNow).ok());
  EXPECT_EQ(verifier_.VerifyForTenant(token, "t2", kNow).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(JwtVerifierTest, RejectsAnUnknownOrMissingKid) {
  const JwtSigner stranger("ed-2", crypto::Ed25519PrivateKey::Generate().value());
  ExpectUnauthenticated(stranger.Sign(ValidClaims()).value(), "unknown kid");
  ExpectUnauthenticated(ed_signer_.SignRaw(R"({"alg":"EdDSA","typ":"JWT"})", Payload()).value(),
                        "no kid");
  ExpectUnauthenticated(ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":7})", Payload()).value(),
                        "numeric kid");
}

TEST_F(JwtVerifierTest, RejectsASignatureByAnotherKeyUnderAKnownKid) {
  const JwtSigner impostor("ed-1", crypto::Ed25519PrivateKey::Generate().value());
  ExpectUnauthenticated(impostor.Sign(ValidClaims()).value());
}

TEST_F(JwtVerifierTest, RejectsAChangedSignatureOrPayload) {
  const std::string token = ed_signer_.Sign(ValidClaims()).value();
  std::string changed_signature = token;
  char& c = changed_signature[token.rfind('.') + 1];
  c = c == 'A' ? 'B' : 'A';
  ExpectUnauthenticated(changed_signature, "changed signature");

  Claims other = ValidClaims();
  other.tenant = "t2";
  const std::string other_token = ed_signer_.Sign(other).value();
  const size_t first = token.find('.');
  const size_t second = token.rfind('.');
  const std::string spliced = token.substr(0, first) +
                              other_token.substr(first, other_token.rfind('.') - first) +
                              token.substr(second);
  ExpectUnauthenticated(spliced, "payload from another token");
}

TEST_F(JwtVerifierTest, RejectsTruncatedAndGarbageTokens) {
  const std::string token = ec_signer_.Sign(ValidClaims()).value();
  for (size_t n = 0; n < token.size(); n += 7) ExpectUnauthenticated(token.substr(0, n), "cut");
  ExpectUnauthenticated(token.substr(0, token.size() - 1), "last char cut");
  for (const std::string& garbage :
       {std::string("garbage"), std::string("a.b.c"), std::string(".."), std::string("...."),
        token + ".", token + ".extra", " " + token, token + "\n", "Bearer " + token,
        std::string(10000, 'a') + "." + std::string(10, 'b') + ".c", std::string("\0.\0.\0", 5)}) {
    ExpectUnauthenticated(garbage, "garbage");
  }
}

TEST_F(JwtVerifierTest, RejectsPaddedOrNonCanonicalBase64Url) {
  const std::string token = ed_signer_.Sign(ValidClaims()).value();
  const size_t first = token.find('.');
  ExpectUnauthenticated(token.substr(0, first) + "=" + token.substr(first), "padding");
  std::string standard_alphabet = token;
  for (char& c : standard_alphabet) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  if (standard_alphabet != token) ExpectUnauthenticated(standard_alphabet, "standard alphabet");
}

TEST_F(JwtVerifierTest, RejectsMissingSubTenantOrRole) {
  for (const char* payload :
       {R"({"tenant":"t1","role":"coordinator","aud":"fgc","exp":1800003600})",
        R"({"sub":"","tenant":"t1","role":"coordinator","aud":"fgc","exp":1800003600})",
        R"({"sub":"a","role":"coordinator","aud":"fgc","exp":1800003600})",
        R"({"sub":"a","tenant":"t1","aud":"fgc","exp":1800003600})"}) {
    ExpectUnauthenticated(ed_signer_.SignRaw(Header("EdDSA", "ed-1"), payload).value(), payload);
  }
}

TEST_F(JwtVerifierTest, RejectsAMalformedTenant) {
  for (const std::string& tenant : std::vector<std::string>{"T1", "-t1", "t_1", "t 1", "tenants/t1",
                                                            std::string(64, 'a'), ""}) {
    const std::string payload = R"({"sub":"a","tenant":")" + tenant +
                                R"(","role":"coordinator","aud":"fgc","exp":1800003600})";
    ExpectUnauthenticated(ed_signer_.SignRaw(Header("EdDSA", "ed-1"), payload).value(), tenant);
  }
  const std::string longest = std::string(63, 'a');
  const std::string payload = R"({"sub":"a","tenant":")" + longest +
                              R"(","role":"coordinator","aud":"fgc","exp":1800003600})";
  EXPECT_TRUE(
      verifier_.Verify(ed_signer_.SignRaw(Header("EdDSA", "ed-1"), payload).value(), kNow).ok());
}

TEST_F(JwtVerifierTest, RejectsRolesThatAreNotStaffRoles) {
  for (const char* role : {"family", "admin", "Coordinator", "coordinator "}) {
    const std::string payload = R"({"sub":"a","tenant":"t1","role":")" + std::string(role) +
                                R"(","aud":"fgc","exp":1800003600})";
    ExpectUnauthenticated(ed_signer_.SignRaw(Header("EdDSA", "ed-1"), payload).value(), role);
  }
}

TEST_F(JwtVerifierTest, RejectsAnAgencyRoleWithoutAgency) {
  ExpectUnauthenticated(
      ed_signer_
          .SignRaw(Header("EdDSA", "ed-1"),
                   R"({"sub":"a","tenant":"t1","role":"agency_system","aud":"fgc",)"
                   R"("exp":1800003600})")
          .value());
}

TEST_F(JwtVerifierTest, ChecksTypOnlyWhenPresent) {
  const std::string payload = Payload();
  EXPECT_TRUE(
      verifier_.Verify(ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":"ed-1"})", payload).value(), kNow)
          .ok());
  EXPECT_TRUE(
      verifier_
          .Verify(
              ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":"ed-1","typ":"jwt"})", payload).value(),
              kNow)
          .ok());
  ExpectUnauthenticated(
      ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":"ed-1","typ":"JOSE+JSON"})", payload).value());
}

TEST_F(JwtVerifierTest, RejectsCriticalHeaderExtensions) {
  ExpectUnauthenticated(
      ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":"ed-1","crit":["exp"],"exp":1})", Payload())
          .value());
}

TEST_F(JwtVerifierTest, RejectsDuplicateMembersInHeaderOrPayload) {
  ExpectUnauthenticated(
      ed_signer_.SignRaw(R"({"alg":"EdDSA","kid":"ed-1","kid":"ec-1"})", Payload()).value());
  ExpectUnauthenticated(
      ed_signer_.SignRaw(Header("EdDSA", "ed-1"), Payload(R"(,"tenant":"t2")")).value());
}

TEST_F(JwtVerifierTest, ErrorMessagesDoNotEchoTheToken) {
  Claims claims = ValidClaims();
  claims.sub = "secret-subject";
  claims.tenant = "secret-tenant";
  claims.exp = kNow - absl::Hours(1);
  const absl::Status status = verifier_.Verify(ed_signer_.Sign(claims).value(), kNow).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(std::string(status.message()).find("secret"), std::string::npos);
  EXPECT_LT(status.message().size(), 64u);
}

TEST(JwtVerifierCreate, ProductionRefusesDevelopmentKeys) {
  const JwtSigner dev("dev-0123456789abcdef", crypto::Ed25519PrivateKey::Generate().value());
  JwtVerifierOptions production;
  production.accept_development_keys = false;
  EXPECT_EQ(
      JwtVerifier::Create(Jwks::Create({dev.PublicJwk()}).value(), production).status().code(),
      absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(JwtVerifier::Create(Jwks::Create({dev.PublicJwk()}).value()).ok());
}

TEST(JwtVerifierCreate, RejectsAnEmptyAudienceOrAnExcessiveLeeway) {
  const JwtSigner signer("k", crypto::Ed25519PrivateKey::Generate().value());
  JwtVerifierOptions no_audience;
  no_audience.audience = "";
  EXPECT_FALSE(JwtVerifier::Create(Jwks::Create({signer.PublicJwk()}).value(), no_audience).ok());
  JwtVerifierOptions lax;
  lax.leeway = absl::Hours(1);
  EXPECT_FALSE(JwtVerifier::Create(Jwks::Create({signer.PublicJwk()}).value(), lax).ok());
}

TEST(JwtSigner, RefusesClaimsNoVerifierWouldAccept) {
  const JwtSigner signer("k", crypto::Ed25519PrivateKey::Generate().value());
  Claims claims;
  claims.sub = "a";
  claims.tenant = "t1";
  claims.exp = kNow;
  claims.aud = {"fgc"};
  claims.role = Role::kFamily;
  EXPECT_EQ(signer.Sign(claims).status().code(), absl::StatusCode::kInvalidArgument);
  claims.role = Role::kReferrer;
  EXPECT_EQ(signer.Sign(claims).status().code(), absl::StatusCode::kInvalidArgument);
  claims.agency = "agency-1";
  claims.tenant = "Tenant One";
  EXPECT_EQ(signer.Sign(claims).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(JwtSigner, WritesTheHeaderTheVerifierExpects) {
  const JwtSigner signer("ec-9", crypto::P256PrivateKey::Generate().value());
  Claims claims;
  claims.sub = "a";
  claims.tenant = "t1";
  claims.exp = kNow;
  claims.aud = {"fgc"};
  const std::string token = signer.Sign(claims).value();
  EXPECT_EQ(crypto::Base64UrlDecode(token.substr(0, token.find('.'))).value(),
            R"({"alg":"ES256","kid":"ec-9","typ":"JWT"})");
  EXPECT_EQ(signer.algorithm(), "ES256");
}

}  // namespace
}  // namespace fgc::auth
