#include "common/crypto/encoding.h"

#include <gtest/gtest.h>

namespace fgc::crypto {
namespace {

// RFC 4648 §10 test vectors.
struct Vector {
  std::string bytes;
  std::string base64;
};
const Vector kRfc4648[] = {{"", ""},
                           {"f", "Zg=="},
                           {"fo", "Zm8="},
                           {"foo", "Zm9v"},
                           {"foob", "Zm9vYg=="},
                           {"fooba", "Zm9vYmE="},
                           {"foobar", "Zm9vYmFy"}};

TEST(Base64, EncodesRfc4648Vectors) {
  for (const Vector& v : kRfc4648) EXPECT_EQ(Base64Encode(v.bytes), v.base64) << v.bytes;
}

TEST(Base64, DecodesRfc4648Vectors) {
  for (const Vector& v : kRfc4648) EXPECT_EQ(Base64Decode(v.base64).value(), v.bytes) << v.bytes;
}

TEST(Base64, RejectsMissingPaddingWhitespaceAndForeignAlphabet) {
  for (const char* bad :
       {"Zg", "Zg=", "Zm9v\n", " Zm9v", "Zm9-", "Zm9_", "Z===", "Zg==Zg==", "=Zg=", "Zh=="}) {
    EXPECT_EQ(Base64Decode(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Base64Url, EncodesWithoutPaddingInUrlAlphabet) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode(std::string("\xfb\xff\xbf", 3)), "-_-_");
}

TEST(Base64Url, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n <= all.size(); n += 37) {
    const std::string bytes = all.substr(0, n);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(bytes)).value(), bytes);
  }
}

TEST(Base64Url, RejectsPaddingStandardAlphabetAndNonCanonicalBits) {
  // "Zh" decodes to 'f' with a non-zero unused bit; "Zg" is the only encoding of "f".
  for (const char* bad : {"Zg==", "Zm8=", "-_+/", "a", "Zh", "Zm9", "Zm8.", "Zm 8"}) {
    EXPECT_EQ(Base64UrlDecode(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_TRUE(Base64UrlDecode("Zm8").ok());
}

TEST(Hex, RoundTripsAndAcceptsEitherCase) {
  EXPECT_EQ(HexEncode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(HexDecode("0001ABff").value(), std::string("\x00\x01\xab\xff", 4));
}

TEST(Hex, RejectsOddLengthAndNonHexDigits) {
  EXPECT_EQ(HexDecode("abc").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(HexDecode("zz").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::crypto
