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

}  // namespace
}  // namespace fgc::listing
