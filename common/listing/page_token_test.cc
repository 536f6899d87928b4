#include "common/listing/page_token.h"

#include "gtest/gtest.h"

namespace fgc::listing {
namespace {

TEST(PageToken, RoundTripsItsCursorForTheSameRequest) {
  const std::string token = MakePageToken("2026-01-01|c-17", "stage = STAGE_REFERRAL");
  auto cursor = ParsePageToken(token, "stage = STAGE_REFERRAL");
  ASSERT_TRUE(cursor.ok()) << cursor.status();
  EXPECT_EQ(*cursor, "2026-01-01|c-17");
}

TEST(PageToken, IsRefusedForAnotherRequest) {
  const std::string token = MakePageToken("42", "stage = STAGE_REFERRAL");
  auto cursor = ParsePageToken(token, "stage = STAGE_CLOSED");
  ASSERT_FALSE(cursor.ok());
  EXPECT_EQ(cursor.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PageToken, GarbageIsRefused) {
  for (const char* bad : {"", "!!!", "cDE6eHh4", "not-a-token"}) {
    EXPECT_FALSE(ParsePageToken(bad, "").ok()) << bad;
  }
}

TEST(OffsetPage, WalksAListInPagesAndEndsWithNoToken) {
  auto first = ParseOffsetPage(0, "", "parent", 2, 10);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->offset, 0u);
  EXPECT_EQ(first->size, 2u);
  const std::string token = NextOffsetPageToken(*first, 3, "parent");
  ASSERT_FALSE(token.empty());
  auto second = ParseOffsetPage(0, token, "parent", 2, 10);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->offset, 2u);
  EXPECT_TRUE(NextOffsetPageToken(*second, 3, "parent").empty());
}

TEST(OffsetPage, CapsTheSizeAndRefusesANegativeOneOrAnotherListsToken) {
  EXPECT_EQ(ParseOffsetPage(50, "", "parent", 2, 10)->size, 10u);
  EXPECT_EQ(ParseOffsetPage(-1, "", "parent", 2, 10).status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string token = NextOffsetPageToken({0, 2}, 5, "parent");
  EXPECT_EQ(ParseOffsetPage(0, token, "other", 2, 10).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::listing
