#include "common/crypto/ed25519.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "common/crypto/encoding.h"
#include "common/crypto/scoped_temp_dir.h"

namespace fgc::crypto {
namespace {

// RFC 8032 §7.1, TEST 1 (empty message).
constexpr char kSeed[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr char kPublic[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kSignature[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
    "b46bd25bf5f0595bbe24655141438e7a100b";

TEST(Ed25519, Rfc8032Test1DerivesThePublicKeyAndSignsDeterministically) {
  const Ed25519PrivateKey key = Ed25519PrivateKey::FromSeed(HexDecode(kSeed).value()).value();
  EXPECT_EQ(HexEncode(key.public_key().raw()), kPublic);
  EXPECT_EQ(HexEncode(key.Sign("").value()), kSignature);
  EXPECT_EQ(key.Sign("").value(), key.Sign("").value());
}

TEST(Ed25519, Rfc8032Test1SignatureVerifiesWithTheRawPublicKey) {
  const Ed25519PublicKey key = Ed25519PublicKey::FromRaw(HexDecode(kPublic).value()).value();
  EXPECT_TRUE(key.Verify("", HexDecode(kSignature).value()));
}

TEST(Ed25519, SignatureVerifiesOnlyForItsMessageAndKey) {
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  const Ed25519PrivateKey other = Ed25519PrivateKey::Generate().value();
  const std::string signature = key.Sign("checkpoint").value();
  EXPECT_EQ(signature.size(), kEd25519SignatureSize);
  EXPECT_TRUE(key.public_key().Verify("checkpoint", signature));
  EXPECT_FALSE(key.public_key().Verify("checkpoinT", signature));
  EXPECT_FALSE(other.public_key().Verify("checkpoint", signature));
  std::string flipped = signature;
  flipped[10] ^= 0x40;
  EXPECT_FALSE(key.public_key().Verify("checkpoint", flipped));
  EXPECT_FALSE(key.public_key().Verify("checkpoint", signature.substr(0, 63)));
  EXPECT_FALSE(key.public_key().Verify("checkpoint", ""));
}

TEST(Ed25519, PrivateKeyPemIsPkcs8AndRoundTrips) {
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  const std::string pem = key.ToPem().value();
  EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(pem).value().public_key().raw(), key.public_key().raw());
}

TEST(Ed25519, PublicKeyPemRoundTrips) {
  const Ed25519PublicKey key = Ed25519PrivateKey::Generate().value().public_key();
  const std::string pem = key.ToPem().value();
  EXPECT_EQ(pem.rfind("-----BEGIN PUBLIC KEY-----", 0), 0u);
  EXPECT_EQ(Ed25519PublicKey::FromPem(pem).value().raw(), key.raw());
}

TEST(Ed25519, PemFileIsOwnerOnlyAndNeverOverwritten) {
  ScopedTempDir temp;
  const auto path = temp.path() / "ledger-ed25519.pem";
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  ASSERT_TRUE(key.WritePemFile(path).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(Ed25519PrivateKey::ReadPemFile(path).value().public_key().raw(),
            key.public_key().raw());
  EXPECT_EQ(Ed25519PrivateKey::Generate().value().WritePemFile(path).code(),
            absl::StatusCode::kAlreadyExists);
}

TEST(Ed25519, RejectsMalformedKeys) {
  EXPECT_EQ(Ed25519PublicKey::FromRaw("short").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PrivateKey::FromSeed("short").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PrivateKey::FromPem("not a pem").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PrivateKey::FromPem("").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::crypto
