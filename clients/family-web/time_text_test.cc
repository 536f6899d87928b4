#include "clients/family-web/time_text.h"

#include <gtest/gtest.h>

namespace fgc::family_web {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1804586400);  // Tue 9 March 2027 10:00 UTC

TEST(ChooseTimeZone, TakesTheReadersThenTheConferencesThenUtc) {
  EXPECT_EQ(ChooseTimeZone("Europe/Warsaw", "Europe/London"), "Europe/Warsaw");
  EXPECT_EQ(ChooseTimeZone("Not/AZone", "Europe/London"), "Europe/London");
  EXPECT_EQ(ChooseTimeZone("", ""), "UTC");
}

TEST(SameClock, TreatsAliasesAsOneClock) {
  EXPECT_TRUE(SameClock("Europe/London", "Europe/Belfast"));
  EXPECT_FALSE(SameClock("Europe/London", "Europe/Warsaw"));
}

TEST(TimeText, WritesARangeOnOneDayAsGovUkDoes) {
  const TimeText when("en", "Europe/London");
  EXPECT_EQ(when.Range(kStart, kStart + absl::Hours(4)), "Tuesday 9 March 2027, 10:00 to 14:00");
}

TEST(TimeText, WritesBothDatesWhenTheRangeEndsAnotherDay) {
  const TimeText when("en", "Pacific/Auckland");
  EXPECT_EQ(when.Range(kStart, kStart + absl::Hours(4)),
            "Tuesday 9 March 2027, 23:00 to Wednesday 10 March 2027, 03:00");
}

TEST(TimeText, WritesWelshAndPolishInTheirOwnWords) {
  EXPECT_EQ(TimeText("cy", "Europe/London").Date(kStart), "Dydd Mawrth, 9 Mawrth 2027");
  EXPECT_EQ(TimeText("pl", "Europe/Warsaw").Range(kStart, kStart + absl::Hours(4)),
            "wtorek, 9 marca 2027, od 11:00 do 15:00");
}

TEST(TimeText, NamesTheZoneForPeople) {
  EXPECT_EQ(TimeText("en", "Europe/Warsaw").ZoneName(kStart), "Poland Time");
}

TEST(TimeText, WritesACalendarDateWithoutMovingIt) {
  google::type::Date date;
  date.set_year(2027);
  date.set_month(6);
  date.set_day(9);
  EXPECT_EQ(TimeText("en", "Pacific/Kiritimati").CalendarDate(date), "Wednesday 9 June 2027");
  EXPECT_EQ(TimeText("en", "UTC").CalendarDate(google::type::Date()), "");
}

}  // namespace
}  // namespace fgc::family_web
