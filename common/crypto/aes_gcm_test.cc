#include "common/crypto/aes_gcm.h"

#include <gtest/gtest.h>

#include "common/crypto/random.h"

namespace fgc::crypto {
namespace {

class AesGcmTest : public ::testing::Test {
 protected:
  const std::string key_ = RandomBytes(kAesGcmKeySize).value();
  const std::string plaintext_ = "Aroha Ngata, 021 555 0199";
  const std::string aad_ = "tenants/t1/conferences/c1/members/m1#phone";
  const std::string sealed_ = AesGcmSeal(key_, plaintext_, aad_).value();

  void ExpectRejected(std::string_view key, std::string_view sealed, std::string_view aad) {
    absl::StatusOr<std::string> opened = AesGcmOpen(key, sealed, aad);
    EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss);
  }
};

TEST_F(AesGcmTest, RoundTrips) { EXPECT_EQ(AesGcmOpen(key_, sealed_, aad_).value(), plaintext_); }

TEST_F(AesGcmTest, RoundTripsEmptyPlaintextAndEmptyAad) {
  const std::string sealed = AesGcmSeal(key_, "", "").value();
  EXPECT_EQ(sealed.size(), kAesGcmOverhead);
  EXPECT_EQ(AesGcmOpen(key_, sealed, "").value(), "");
}

TEST_F(AesGcmTest, SealedFormatIsVersionNonceCiphertextTag) {
  EXPECT_EQ(sealed_.size(), plaintext_.size() + kAesGcmOverhead);
  EXPECT_EQ(static_cast<uint8_t>(sealed_[0]), kAesGcmVersion);
  EXPECT_EQ(sealed_.find(plaintext_), std::string::npos);
}

TEST_F(AesGcmTest, SealingTwiceUsesFreshNonces) {
  const std::string again = AesGcmSeal(key_, plaintext_, aad_).value();
  EXPECT_NE(again.substr(1, kAesGcmNonceSize), sealed_.substr(1, kAesGcmNonceSize));
}

TEST_F(AesGcmTest, RejectsWrongKey) { ExpectRejected(RandomBytes(32).value(), sealed_, aad_); }

TEST_F(AesGcmTest, RejectsWrongAad) {
  ExpectRejected(key_, sealed_, "tenants/t1/conferences/c1/members/m2#phone");
  ExpectRejected(key_, sealed_, "");
}

TEST_F(AesGcmTest, RejectsEveryFlippedBit) {
  for (size_t byte = 0; byte < sealed_.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string tampered = sealed_;
      tampered[byte] = static_cast<char>(tampered[byte] ^ (1 << bit));
      ExpectRejected(key_, tampered, aad_);
    }
  }
}

TEST_F(AesGcmTest, RejectsEveryTruncationAndExtension) {
  for (size_t n = 0; n < sealed_.size(); ++n) ExpectRejected(key_, sealed_.substr(0, n), aad_);
  ExpectRejected(key_, sealed_ + "x", aad_);
}

TEST_F(AesGcmTest, RejectsKeysThatAreNot32Bytes) {
  EXPECT_EQ(AesGcmSeal(key_.substr(0, 16), plaintext_, aad_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AesGcmOpen(key_ + "x", sealed_, aad_).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::crypto
