#include "common/listing/filter_comparisons.h"

#include "gtest/gtest.h"

namespace fgc::listing {
namespace {

TEST(ParseComparisons, EmptyFilterHasNone) {
  auto parsed = ParseComparisons("   ");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->empty());
}

TEST(ParseComparisons, SplitsComparisonsJoinedByAnd) {
  auto parsed =
      ParseComparisons(R"(stage = STAGE_PREPARATION AND overdue=true AND x >= "a \"b\"")");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0].field, "stage");
  EXPECT_EQ((*parsed)[0].op, "=");
  EXPECT_EQ((*parsed)[0].value, "STAGE_PREPARATION");
  EXPECT_EQ((*parsed)[1].value, "true");
  EXPECT_EQ((*parsed)[2].op, ">=");
  EXPECT_EQ((*parsed)[2].value, "a \"b\"");
}

TEST(ParseComparisons, MalformedTextIsInvalidFilter) {
  for (const char* bad : {"stage", "stage =", "= x", "a = 1 OR b = 2", "a = \"open", "a ~ 1"}) {
    auto parsed = ParseComparisons(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(ParseComparisons, OverlongFilterIsRefused) {
  EXPECT_FALSE(ParseComparisons(std::string(2001, 'a')).ok());
}

TEST(ApplyTimeRange, NarrowsAHalfOpenRange) {
  std::optional<absl::Time> from, to;
  ASSERT_TRUE(ApplyTimeRange({"t", ">=", "2026-01-01T00:00:00Z"}, &from, &to).ok());
  ASSERT_TRUE(ApplyTimeRange({"t", "<", "2026-02-01T00:00:00Z"}, &from, &to).ok());
  EXPECT_EQ(*from, absl::FromUnixSeconds(1767225600));
  EXPECT_EQ(*to, absl::FromUnixSeconds(1769904000));
  EXPECT_FALSE(ApplyTimeRange({"t", "=", "2026-01-01T00:00:00Z"}, &from, &to).ok());
  EXPECT_FALSE(ApplyTimeRange({"t", ">", "yesterday"}, &from, &to).ok());
}

}  // namespace
}  // namespace fgc::listing
