#include "common/crypto/random.h"

#include <gtest/gtest.h>

#include <set>

#include "common/crypto/encoding.h"

namespace fgc::crypto {
namespace {

TEST(RandomBytes, ReturnsTheRequestedLengthAndDiffersBetweenCalls) {
  const std::string a = RandomBytes(32).value();
  const std::string b = RandomBytes(32).value();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(RandomBytes(0).value(), "");
}

TEST(NewOpaqueToken, Is32RandomBytesInBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = NewOpaqueToken().value();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(Base64UrlDecode(token).value().size(), kOpaqueTokenBytes);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("digest", "digest"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("digest", "digesT"));
  EXPECT_FALSE(ConstantTimeEquals("digest", "diges"));
}

}  // namespace
}  // namespace fgc::crypto
