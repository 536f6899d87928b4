#include "common/crypto/sha256.h"

#include <gtest/gtest.h>

#include "common/crypto/encoding.h"

namespace fgc::crypto {
namespace {

// FIPS 180-2 examples.
TEST(Sha256, MatchesKnownDigests) {
  EXPECT_EQ(HexEncode(Sha256("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(HexEncode(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, PartsHashAsTheirConcatenation) {
  EXPECT_EQ(Sha256({"a", "", "bc"}), Sha256("abc"));
  EXPECT_EQ(Sha256({std::string_view("\x01", 1), "left", "right"}),
            Sha256(std::string("\x01") + "leftright"));
}

// RFC 4231 test case 2.
TEST(HmacSha256, MatchesRfc4231) {
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, DependsOnTheKey) {
  EXPECT_NE(HmacSha256("key-a", "message"), HmacSha256("key-b", "message"));
}

}  // namespace
}  // namespace fgc::crypto
