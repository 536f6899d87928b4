#include "services/scheduling/lifecycle/timescale_config.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using testing::FieldsOf;
using ::testing::UnorderedElementsAre;

TEST(TimescaleConfig, DefaultsFollowTheModel) {
  const TimescaleConfig config;
  EXPECT_EQ(config.acknowledge, TimescaleSpan::WorkingDays(2));
  EXPECT_EQ(config.urgent_conference, TimescaleSpan::Elapsed(absl::Hours(24)));
  EXPECT_EQ(config.standard_conference.ToString(), "8w");
  EXPECT_EQ(config.preparation.ToString(), "30d");
  EXPECT_TRUE(config.review_date_required);
  EXPECT_TRUE(config.holidays.empty());
}

TEST(TimescaleConfig, EmptyTextGivesTheDefaults) {
  const absl::StatusOr<TimescaleConfig> config = ParseTimescaleConfig("");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->acknowledge, TimescaleConfig{}.acknowledge);
}

TEST(TimescaleConfig, ParsesEveryKeyAndUnit) {
  const absl::StatusOr<TimescaleConfig> config = ParseTimescaleConfig(
      "acknowledge=3wd, urgent_conference=36h,standard_conference=6w\n"
      "preparation=28d,set_review=90m,review_date_required=false");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->acknowledge, TimescaleSpan::WorkingDays(3));
  EXPECT_EQ(config->urgent_conference, TimescaleSpan::Elapsed(absl::Hours(36)));
  EXPECT_EQ(config->standard_conference, TimescaleSpan::Elapsed(absl::Hours(24 * 42)));
  EXPECT_EQ(config->preparation, TimescaleSpan::Elapsed(absl::Hours(24 * 28)));
  EXPECT_EQ(config->set_review, TimescaleSpan::Elapsed(absl::Minutes(90)));
  EXPECT_FALSE(config->review_date_required);
}

TEST(TimescaleConfig, ParsesHolidaysInBothForms) {
  const absl::StatusOr<TimescaleConfig> config = ParseTimescaleConfig(
      "holidays=2026-12-25;2026-12-28 2027-01-01\n# Scotland\nholiday=2026-11-30\n"
      "holiday=2027-01-04");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(config->holidays,
              UnorderedElementsAre(absl::CivilDay(2026, 12, 25), absl::CivilDay(2026, 12, 28),
                                   absl::CivilDay(2027, 1, 1), absl::CivilDay(2026, 11, 30),
                                   absl::CivilDay(2027, 1, 4)));
}

TEST(TimescaleConfig, AnUnknownKeyIsNamed) {
  const absl::StatusOr<TimescaleConfig> config = ParseTimescaleConfig("acknowledge=2wd,ack=3wd");
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldsOf(config.status()), ElementsAre("ack"));
}

TEST(TimescaleConfig, EveryBadEntryIsNamedAtOnce) {
  const absl::StatusOr<TimescaleConfig> config = ParseTimescaleConfig(
      "acknowledge=two days,preparation=0d,urgent_conference=24,holidays=2026-02-30,"
      "review_date_required=yes,standard_conference");
  EXPECT_THAT(FieldsOf(config.status()),
              ElementsAre("acknowledge", "preparation", "urgent_conference", "holidays",
                          "review_date_required", "standard_conference"));
}

TEST(TimescaleConfig, AKeyGivenTwiceIsRefused) {
  const absl::StatusOr<TimescaleConfig> config =
      ParseTimescaleConfig("preparation=30d,preparation=20d");
  EXPECT_THAT(FieldsOf(config.status()), ElementsAre("preparation"));
}

TEST(TimescaleSpan, TextFormRoundTrips) {
  for (const char* text : {"2wd", "36h", "30d", "8w", "90m"}) {
    const absl::StatusOr<TimescaleConfig> config =
        ParseTimescaleConfig(std::string("preparation=") + text);
    ASSERT_TRUE(config.ok()) << text;
    EXPECT_EQ(config->preparation.ToString(), text);
  }
}

}  // namespace
}  // namespace fgc::scheduling
