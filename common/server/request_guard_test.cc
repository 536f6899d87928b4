#include "common/server/request_guard.h"

#include <gtest/gtest.h>

#include "common/auth/jwt_signer.h"
#include "common/crypto/ed25519.h"

namespace fgc::server {
namespace {

class RequestGuardCache : public ::testing::Test {
 protected:
  RequestGuardCache()
      : signer_("k", crypto::Ed25519PrivateKey::Generate().value()),
        guard_(std::make_shared<const auth::JwtVerifier>(
                   auth::JwtVerifier::Create(auth::Jwks::Create({signer_.PublicJwk()}).value(),
                                             {.leeway = absl::ZeroDuration()})
                       .value()),
               std::make_shared<const auth::RoleTable>(auth::RoleTable::Load().value())) {}

  std::string Token(absl::Time exp) {
    auth::Claims claims;
    claims.sub = "s";
    claims.tenant = "t1";
    claims.role = auth::Role::kCoordinator;
    claims.exp = exp;
    claims.aud = {"fgc"};
    return signer_.Sign(claims).value();
  }

  auth::JwtSigner signer_;
  RequestGuard guard_;
};

TEST_F(RequestGuardCache, ACachedTokenStillExpires) {
  const absl::Time now = absl::Now();
  const std::string token = Token(now + absl::Minutes(1));
  ASSERT_TRUE(guard_.VerifiedClaims(token, now).ok());
  ASSERT_TRUE(guard_.VerifiedClaims(token, now + absl::Seconds(30)).ok());  // from the cache
  EXPECT_EQ(guard_.VerifiedClaims(token, now + absl::Minutes(2)).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(RequestGuardCache, ARejectedTokenIsNeverCached) {
  const absl::Time now = absl::Now();
  std::string token = Token(now + absl::Minutes(1));
  token.back() = token.back() == 'A' ? 'B' : 'A';  // a signature that does not verify
  EXPECT_EQ(guard_.VerifiedClaims(token, now).status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(guard_.VerifiedClaims(token, now).status().code(), absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace fgc::server
