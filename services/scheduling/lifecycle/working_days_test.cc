#include "services/scheduling/lifecycle/working_days.h"

#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using testing::Utc;

absl::TimeZone Zone(const char* name) {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone(name, &zone)) << name;
  return zone;
}

const TimescaleSpan kTwoWorkingDays = TimescaleSpan::WorkingDays(2);

TEST(WorkingDays, WeekendsAndHolidaysAreNotWorkingDays) {
  const std::set<absl::CivilDay> holidays = {absl::CivilDay(2026, 4, 3)};
  EXPECT_TRUE(IsWorkingDay(absl::CivilDay(2026, 3, 6), holidays));   // Friday
  EXPECT_FALSE(IsWorkingDay(absl::CivilDay(2026, 3, 7), holidays));  // Saturday
  EXPECT_FALSE(IsWorkingDay(absl::CivilDay(2026, 3, 8), holidays));  // Sunday
  EXPECT_FALSE(IsWorkingDay(absl::CivilDay(2026, 4, 3), holidays));  // Good Friday
}

TEST(WorkingDays, TheStartingDayNeverCounts) {
  EXPECT_EQ(AddWorkingDays(absl::CivilDay(2026, 3, 2), 2, {}), absl::CivilDay(2026, 3, 4));
}

TEST(WorkingDays, CountingSkipsTheWeekend) {
  EXPECT_EQ(AddWorkingDays(absl::CivilDay(2026, 3, 6), 2, {}), absl::CivilDay(2026, 3, 10));
  EXPECT_EQ(AddWorkingDays(absl::CivilDay(2026, 3, 7), 2, {}), absl::CivilDay(2026, 3, 10));
}

TEST(WorkingDays, CountingSkipsHolidays) {
  const std::set<absl::CivilDay> easter = {absl::CivilDay(2026, 4, 3), absl::CivilDay(2026, 4, 6)};
  EXPECT_EQ(AddWorkingDays(absl::CivilDay(2026, 4, 2), 2, easter), absl::CivilDay(2026, 4, 8));
}

TEST(DueTime, WorkingDaysEndAtLocalMidnightAfterTheLastOne) {
  // Monday 10:00 in London: Tuesday and Wednesday, so due when Thursday begins.
  EXPECT_EQ(DueTime(Utc(2026, 3, 2, 10), kTwoWorkingDays, Zone("Europe/London"), {}),
            Utc(2026, 3, 5));
}

TEST(DueTime, AFridayReferralRunsOverTheWeekend) {
  EXPECT_EQ(DueTime(Utc(2026, 3, 6, 15), kTwoWorkingDays, Zone("Europe/London"), {}),
            Utc(2026, 3, 11));
}

TEST(DueTime, HolidaysPushTheDueTimeOn) {
  const std::set<absl::CivilDay> easter = {absl::CivilDay(2026, 4, 3), absl::CivilDay(2026, 4, 6)};
  // Thursday before Easter: Tuesday and Wednesday; Thursday begins at 00:00 BST, 23:00 UTC.
  EXPECT_EQ(DueTime(Utc(2026, 4, 2, 9), kTwoWorkingDays, Zone("Europe/London"), easter),
            Utc(2026, 4, 8, 23));
}

TEST(DueTime, MidnightFollowsTheClockChange) {
  // Thursday 26 March: Friday and Monday (British Summer Time from Sunday 29th), so due at
  // 00:00 BST on Tuesday 31st, which is 23:00 UTC on Monday.
  EXPECT_EQ(DueTime(Utc(2026, 3, 26, 12), kTwoWorkingDays, Zone("Europe/London"), {}),
            Utc(2026, 3, 30, 23));
}

TEST(DueTime, TheConferenceZoneDecidesWhichDayItIs) {
  const absl::Time instant = Utc(2026, 3, 5, 23, 30);  // Thursday night in London
  // London: Thursday, so Friday and Monday; due when Tuesday begins.
  EXPECT_EQ(DueTime(instant, kTwoWorkingDays, Zone("Europe/London"), {}), Utc(2026, 3, 10));
  // Auckland (UTC+13): already Friday lunchtime, so Monday and Tuesday; due when Wednesday
  // begins there, 11:00 UTC on Tuesday.
  EXPECT_EQ(DueTime(instant, kTwoWorkingDays, Zone("Pacific/Auckland"), {}), Utc(2026, 3, 10, 11));
}

TEST(DueTime, HolidaysAreLocalDates) {
  const std::set<absl::CivilDay> friday = {absl::CivilDay(2026, 3, 6)};
  const absl::Time instant = Utc(2026, 3, 5, 23, 30);
  // In London the holiday Friday is skipped: Monday, Tuesday.
  EXPECT_EQ(DueTime(instant, kTwoWorkingDays, Zone("Europe/London"), friday), Utc(2026, 3, 11));
  // In Auckland the instant is already on the holiday, which never counted anyway.
  EXPECT_EQ(DueTime(instant, kTwoWorkingDays, Zone("Pacific/Auckland"), friday),
            Utc(2026, 3, 10, 11));
}

TEST(DueTime, ElapsedSpansIgnoreZonesAndWeekends) {
  const TimescaleSpan day = TimescaleSpan::Elapsed(absl::Hours(24));
  const absl::Time saturday = Utc(2026, 3, 7, 9);
  EXPECT_EQ(DueTime(saturday, day, Zone("Pacific/Auckland"), {}), saturday + absl::Hours(24));
  EXPECT_EQ(DueTime(saturday, day, Zone("Europe/London"), {}), saturday + absl::Hours(24));
}

TEST(StartOfDay, ASkippedMidnightStartsWhenTheClocksJump) {
  // Chile moves its clocks from 00:00 to 01:00 on Sunday 6 September 2026 (04:00 UTC).
  const absl::TimeZone santiago = Zone("America/Santiago");
  const absl::Time start = StartOfDay(absl::CivilDay(2026, 9, 6), santiago);
  EXPECT_EQ(start, Utc(2026, 9, 6, 4));
  EXPECT_EQ(absl::ToCivilSecond(start, santiago), absl::CivilSecond(2026, 9, 6, 1, 0, 0));
}

}  // namespace
}  // namespace fgc::scheduling
