#include "common/crypto/ec_p256.h"

#include <gtest/gtest.h>

#include "common/crypto/ed25519.h"
#include "common/crypto/encoding.h"

namespace fgc::crypto {
namespace {

TEST(P256, SignatureIsRawRAndSAndVerifies) {
  const P256PrivateKey key = P256PrivateKey::Generate().value();
  const std::string signature = key.Sign("header.payload").value();
  EXPECT_EQ(signature.size(), kP256SignatureSize);
  EXPECT_TRUE(key.public_key().Verify("header.payload", signature));
}

TEST(P256, RejectsOtherMessagesKeysAndChangedSignatures) {
  const P256PrivateKey key = P256PrivateKey::Generate().value();
  const std::string signature = key.Sign("header.payload").value();
  EXPECT_FALSE(key.public_key().Verify("header.payloaD", signature));
  EXPECT_FALSE(P256PrivateKey::Generate().value().public_key().Verify("header.payload", signature));
  std::string flipped = signature;
  flipped[40] ^= 0x01;
  EXPECT_FALSE(key.public_key().Verify("header.payload", flipped));
  // A DER signature is not a JOSE signature, even though it is the same signature.
  EXPECT_FALSE(key.public_key().Verify("header.payload", JoseToDerSignature(signature).value()));
}

TEST(P256, JoseAndDerSignaturesConvertBothWays) {
  const std::string jose = P256PrivateKey::Generate().value().Sign("m").value();
  const std::string der = JoseToDerSignature(jose).value();
  EXPECT_EQ(static_cast<uint8_t>(der[0]), 0x30);  // SEQUENCE
  EXPECT_EQ(DerToJoseSignature(der).value(), jose);
}

TEST(P256, SmallRAndSArePaddedTo32Bytes) {
  std::string jose(64, '\0');
  jose[31] = 0x05;
  jose[63] = 0x07;
  EXPECT_EQ(DerToJoseSignature(JoseToDerSignature(jose).value()).value(), jose);
}

TEST(P256, SignatureConversionRejectsMalformedInput) {
  EXPECT_EQ(JoseToDerSignature(std::string(63, 'a')).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DerToJoseSignature("garbage").status().code(), absl::StatusCode::kInvalidArgument);
  const std::string der = JoseToDerSignature(std::string(64, '\x11')).value();
  EXPECT_EQ(DerToJoseSignature(der + "x").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(P256, PublicKeyFromJwkCoordinatesVerifies) {
  const P256PrivateKey key = P256PrivateKey::Generate().value();
  const P256PublicKey from_jwk =
      P256PublicKey::FromCoordinates(key.public_key().x(), key.public_key().y()).value();
  EXPECT_TRUE(from_jwk.Verify("m", key.Sign("m").value()));
}

TEST(P256, RejectsAPointOffTheCurve) {
  const P256PublicKey key = P256PrivateKey::Generate().value().public_key();
  std::string y = key.y();
  y[31] ^= 0x01;
  EXPECT_EQ(P256PublicKey::FromCoordinates(key.x(), y).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(P256PublicKey::FromCoordinates(key.x(), "short").status().code(),
            absl::StatusCode::kInvalidArgument);
}

// RFC 7515 Appendix A.3's P-256 key, from its JWK coordinates.
TEST(P256, AcceptsTheRfc7515AppendixA3Key) {
  const std::string x = Base64UrlDecode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU").value();
  const std::string y = Base64UrlDecode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0").value();
  const P256PublicKey key = P256PublicKey::FromCoordinates(x, y).value();
  // The example's JWS Signing Input and signature (RFC 7515 A.3.1).
  const std::string input =
      "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxl"
      "LmNvbS9pc19yb290Ijp0cnVlfQ";
  const std::string signature =
      Base64UrlDecode(
          "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q")
          .value();
  EXPECT_TRUE(key.Verify(input, signature));
}

TEST(P256, PemRoundTripsAndRefusesOtherKeyTypes) {
  const P256PrivateKey key = P256PrivateKey::Generate().value();
  const P256PrivateKey reread = P256PrivateKey::FromPem(key.ToPem().value()).value();
  EXPECT_EQ(reread.public_key().x(), key.public_key().x());
  EXPECT_EQ(P256PublicKey::FromPem(key.public_key().ToPem().value()).value().y(),
            key.public_key().y());
  const std::string ed25519_pem = Ed25519PrivateKey::Generate().value().ToPem().value();
  EXPECT_EQ(P256PrivateKey::FromPem(ed25519_pem).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::crypto
