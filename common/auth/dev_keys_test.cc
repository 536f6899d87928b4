#include "common/auth/dev_keys.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "common/auth/jwt_verifier.h"
#include "common/crypto/scoped_temp_dir.h"

namespace fgc::auth {
namespace {

std::string Contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

TEST(DevelopmentKeys, FirstStartCreatesEveryFileOwnerOnly) {
  crypto::ScopedTempDir state;
  const DevelopmentKeyFiles files = EnsureDevelopmentKeys(state.path()).value();
  EXPECT_EQ(files.jwt_private_key, state.path() / "keys" / "dev-jwt-ed25519.pem");
  EXPECT_EQ(files.jwks, state.path() / "keys" / "dev-jwks.json");
  EXPECT_EQ(files.ledger_private_key, state.path() / "keys" / "ledger-ed25519.pem");
  EXPECT_EQ(ModeOf(state.path() / "keys"), 0700u);
  for (const auto& path : {files.jwt_private_key, files.jwks, files.ledger_private_key}) {
    EXPECT_EQ(ModeOf(path), 0600u) << path;
  }
}

TEST(DevelopmentKeys, LaterStartsReuseTheSameKeys) {
  crypto::ScopedTempDir state;
  const DevelopmentKeyFiles files = EnsureDevelopmentKeys(state.path()).value();
  const std::string jwt_key = Contents(files.jwt_private_key);
  const std::string jwks = Contents(files.jwks);
  const std::string ledger_key = Contents(files.ledger_private_key);
  ASSERT_TRUE(EnsureDevelopmentKeys(state.path()).ok());
  EXPECT_EQ(Contents(files.jwt_private_key), jwt_key);
  EXPECT_EQ(Contents(files.jwks), jwks);
  EXPECT_EQ(Contents(files.ledger_private_key), ledger_key);
}

TEST(DevelopmentKeys, ConcurrentFirstStartsAgreeOnOneKey) {
  crypto::ScopedTempDir state;
  std::vector<absl::Status> results(6);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = EnsureDevelopmentKeys(state.path()).status(); });
  }
  for (auto& t : threads) t.join();
  for (const auto& status : results) EXPECT_TRUE(status.ok()) << status;
  const JwtSigner signer = LoadDevelopmentJwtSigner(state.path()).value();
  EXPECT_NE(LoadDevelopmentJwks(state.path()).value().Find(signer.kid()), nullptr);
}

TEST(DevelopmentKeys, MintedTokenVerifiesAgainstTheDevelopmentJwks) {
  crypto::ScopedTempDir state;
  ASSERT_TRUE(EnsureDevelopmentKeys(state.path()).ok());
  const JwtSigner signer = LoadDevelopmentJwtSigner(state.path()).value();
  const JwtVerifier verifier =
      JwtVerifier::Create(LoadDevelopmentJwks(state.path()).value()).value();
  Claims claims;
  claims.sub = "dev";
  claims.tenant = "demo";
  claims.role = Role::kManager;
  claims.exp = absl::Now() + absl::Hours(1);
  claims.aud = {"fgc"};
  EXPECT_TRUE(verifier.Verify(signer.Sign(claims).value(), absl::Now()).ok());
  EXPECT_EQ(signer.algorithm(), "EdDSA");
}

TEST(DevelopmentKeys, KidsAreMarkedAsDevelopment) {
  crypto::ScopedTempDir state;
  ASSERT_TRUE(EnsureDevelopmentKeys(state.path()).ok());
  const JwtSigner signer = LoadDevelopmentJwtSigner(state.path()).value();
  EXPECT_TRUE(IsDevelopmentKid(signer.kid()));
  EXPECT_EQ(signer.kid().size(), 4u + 16u);
  EXPECT_FALSE(IsDevelopmentKid("agency-1"));
  JwtVerifierOptions production;
  production.accept_development_keys = false;
  EXPECT_EQ(
      JwtVerifier::Create(LoadDevelopmentJwks(state.path()).value(), production).status().code(),
      absl::StatusCode::kFailedPrecondition);
}

TEST(DevelopmentKeys, LedgerKeyIsDistinctFromTheJwtKey) {
  crypto::ScopedTempDir state;
  ASSERT_TRUE(EnsureDevelopmentKeys(state.path()).ok());
  const crypto::Ed25519PrivateKey ledger = LoadLedgerSigningKey(state.path()).value();
  const JwtSigner signer = LoadDevelopmentJwtSigner(state.path()).value();
  EXPECT_NE(DevelopmentKid(ledger.public_key()), signer.kid());
}

TEST(DevelopmentKeys, LoadersReportMissingFilesAsNotFound) {
  crypto::ScopedTempDir state;
  EXPECT_EQ(LoadDevelopmentJwtSigner(state.path()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(LoadDevelopmentJwks(state.path()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(LoadLedgerSigningKey(state.path()).status().code(), absl::StatusCode::kNotFound);
}

TEST(DevelopmentKeys, AJwksThatNoLongerListsTheKeyIsAnErrorNotOverwritten) {
  crypto::ScopedTempDir state;
  const DevelopmentKeyFiles files = EnsureDevelopmentKeys(state.path()).value();
  const JwtSigner stranger("dev-ffffffffffffffff", crypto::Ed25519PrivateKey::Generate().value());
  const std::string foreign = Jwks::Create({stranger.PublicJwk()}).value().ToJson();
  std::filesystem::remove(files.jwks);
  std::ofstream(files.jwks) << foreign;
  EXPECT_EQ(EnsureDevelopmentKeys(state.path()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Contents(files.jwks), foreign);
}

}  // namespace
}  // namespace fgc::auth
