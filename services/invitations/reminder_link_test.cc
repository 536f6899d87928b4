#include "services/invitations/reminder_link.h"

#include <gtest/gtest.h>

namespace fgc::invitations {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);
const absl::Time kExpire = kNow + absl::Hours(24 * 90);
constexpr char kInvitation[] = "tenants/t/conferences/c/invitations/inv-1";

std::string Secret() { return std::string(32, 's'); }

TEST(ReminderLink, SameSeedDerivesTheSameToken) {
  auto seed = NewLinkSeed("");
  ASSERT_TRUE(seed.ok());
  auto first = DeriveLink(Secret(), kInvitation, 0, *seed, kNow, kExpire);
  auto again = DeriveLink(Secret(), kInvitation, 0, *seed, kNow + absl::Hours(30), kExpire);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->token, again->token);
  EXPECT_EQ(first->link.record.digest, again->link.record.digest);
  EXPECT_EQ(first->link.seed, *seed);
}

TEST(ReminderLink, WithoutRequestIdEachLinkGetsItsOwnNonce) {
  auto a = NewLinkSeed("");
  auto b = NewLinkSeed("");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_EQ(a->size(), 2u + 32u);
}

TEST(ReminderLink, RequestIdSeedKeepsTheLinkRetriesAlwaysGot) {
  auto seed = NewLinkSeed("req-1");
  ASSERT_TRUE(seed.ok());
  auto link = DeriveLink(Secret(), kInvitation, 2, *seed, kNow, kExpire);
  auto before = DeriveToken(Secret(), std::string(kInvitation) + "|2|req-1", kNow, kExpire);
  ASSERT_TRUE(link.ok() && before.ok());
  EXPECT_EQ(link->token, before->token);
}

TEST(ReminderLink, ResendCountChangesTheToken) {
  auto seed = NewLinkSeed("");
  ASSERT_TRUE(seed.ok());
  auto first = DeriveLink(Secret(), kInvitation, 0, *seed, kNow, kExpire);
  auto resent = DeriveLink(Secret(), kInvitation, 1, *seed, kNow, kExpire);
  ASSERT_TRUE(first.ok() && resent.ok());
  EXPECT_NE(first->token, resent->token);
}

TEST(ReminderLink, RequestIdCannotChooseANoncesLink) {
  auto nonce = NewLinkSeed("");
  ASSERT_TRUE(nonce.ok());
  auto as_request = NewLinkSeed(nonce->substr(2));
  auto as_prefixed = NewLinkSeed(*nonce);
  ASSERT_TRUE(as_request.ok() && as_prefixed.ok());
  auto real = DeriveLink(Secret(), kInvitation, 0, *nonce, kNow, kExpire);
  auto forged = DeriveLink(Secret(), kInvitation, 0, *as_request, kNow, kExpire);
  auto forged2 = DeriveLink(Secret(), kInvitation, 0, *as_prefixed, kNow, kExpire);
  ASSERT_TRUE(real.ok() && forged.ok() && forged2.ok());
  EXPECT_NE(real->token, forged->token);
  EXPECT_NE(real->token, forged2->token);
}

TEST(ReminderLink, UnknownSeedIsRefused) {
  EXPECT_EQ(DeriveLink(Secret(), kInvitation, 0, "x:1", kNow, kExpire).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ReminderLink, SealedSeedOpensOnlyForItsInvitation) {
  auto key = crypto::GenerateDataKey();
  ASSERT_TRUE(key.ok());
  auto sealed = SealLinkSeed(*key, kInvitation, "n:00112233445566778899aabbccddeeff");
  ASSERT_TRUE(sealed.ok());
  EXPECT_NE(sealed->find("n:0011"), 0u);
  auto opened = OpenLinkSeed(*key, kInvitation, *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "n:00112233445566778899aabbccddeeff");
  EXPECT_EQ(OpenLinkSeed(*key, std::string(kInvitation) + "x", *sealed).status().code(),
            absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace fgc::invitations
