#include "services/scheduling/calendar/vtimezone.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::scheduling::calendar {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

absl::Time At(const char* zone, absl::CivilSecond local) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(zone, &tz)) << zone;
  return absl::FromCivil(local, tz);
}

std::vector<ZoneObservance> Covering(const char* zone, absl::CivilSecond from,
                                     absl::CivilSecond until) {
  absl::StatusOr<std::vector<ZoneObservance>> observances =
      ObservancesCovering(zone, At(zone, from), At(zone, until));
  EXPECT_TRUE(observances.ok()) << observances.status();
  return observances.value_or(std::vector<ZoneObservance>{});
}

void ExpectObservance(const ZoneObservance& observance, bool daylight, absl::CivilSecond onset,
                      int from_minutes, int to_minutes, const std::string& abbreviation) {
  EXPECT_EQ(observance.daylight, daylight);
  EXPECT_EQ(observance.onset, onset);
  EXPECT_EQ(observance.offset_from_seconds, from_minutes * 60);
  EXPECT_EQ(observance.offset_to_seconds, to_minutes * 60);
  EXPECT_EQ(observance.abbreviation, abbreviation);
}

// Reads the offset at `t` from the observances alone, as a client without tzdata would.
int OffsetFromObservances(const std::vector<ZoneObservance>& observances, absl::Time t) {
  int offset = observances.front().offset_to_seconds;
  for (const ZoneObservance& observance : observances) {
    const absl::Time onset =
        absl::FromCivil(observance.onset, absl::FixedTimeZone(observance.offset_from_seconds));
    if (onset <= t) offset = observance.offset_to_seconds;
  }
  return offset;
}

TEST(IcalVTimezone, LondonAroundTheAutumnChange) {
  const auto observances = Covering("Europe/London", absl::CivilSecond(2025, 10, 20, 9, 0, 0),
                                    absl::CivilSecond(2025, 10, 30, 9, 0, 0));
  ASSERT_THAT(observances, SizeIs(2));
  ExpectObservance(observances[0], true, absl::CivilSecond(2025, 3, 30, 1, 0, 0), 0, 60, "BST");
  ExpectObservance(observances[1], false, absl::CivilSecond(2025, 10, 26, 2, 0, 0), 60, 0, "GMT");
}

TEST(IcalVTimezone, NewYorkAroundTheSpringChange) {
  const auto observances = Covering("America/New_York", absl::CivilSecond(2025, 3, 1, 9, 0, 0),
                                    absl::CivilSecond(2025, 3, 20, 9, 0, 0));
  ASSERT_THAT(observances, SizeIs(2));
  ExpectObservance(observances[0], false, absl::CivilSecond(2024, 11, 3, 2, 0, 0), -240, -300,
                   "EST");
  ExpectObservance(observances[1], true, absl::CivilSecond(2025, 3, 9, 2, 0, 0), -300, -240, "EDT");
}

// Southern hemisphere: daylight time spans the new year and ends in April.
TEST(IcalVTimezone, AucklandDaylightTimeEndsInApril) {
  const auto observances = Covering("Pacific/Auckland", absl::CivilSecond(2025, 3, 1, 9, 0, 0),
                                    absl::CivilSecond(2025, 5, 1, 9, 0, 0));
  ASSERT_THAT(observances, SizeIs(2));
  ExpectObservance(observances[0], true, absl::CivilSecond(2024, 9, 29, 2, 0, 0), 720, 780, "NZDT");
  ExpectObservance(observances[1], false, absl::CivilSecond(2025, 4, 6, 3, 0, 0), 780, 720, "NZST");
}

TEST(IcalVTimezone, KolkataHasOneStandardObservanceAllYear) {
  const auto observances = Covering("Asia/Kolkata", absl::CivilSecond(2025, 1, 1, 0, 0, 0),
                                    absl::CivilSecond(2026, 1, 1, 0, 0, 0));
  ASSERT_THAT(observances, SizeIs(1));
  EXPECT_FALSE(observances[0].daylight);
  EXPECT_EQ(observances[0].offset_to_seconds, 330 * 60);
  EXPECT_EQ(observances[0].abbreviation, "IST");
  EXPECT_LT(observances[0].onset, absl::CivilSecond(2025, 1, 1, 0, 0, 0));
}

TEST(IcalVTimezone, UtcHasOneUnchangingObservance) {
  const auto observances = Covering("UTC", absl::CivilSecond(2025, 1, 1, 0, 0, 0),
                                    absl::CivilSecond(2026, 1, 1, 0, 0, 0));
  ASSERT_THAT(observances, SizeIs(1));
  ExpectObservance(observances[0], false, absl::CivilSecond(1970, 1, 1, 0, 0, 0), 0, 0, "UTC");
}

// Every hour of a year, in each zone, the observances give the offset tzdata gives.
TEST(IcalVTimezone, ObservancesAgreeWithTheZoneEveryHourOfAYear) {
  for (const char* zone : {"Europe/London", "Pacific/Auckland", "Asia/Kolkata", "America/New_York",
                           "UTC", "Australia/Lord_Howe", "America/St_Johns"}) {
    absl::TimeZone tz;
    ASSERT_TRUE(absl::LoadTimeZone(zone, &tz));
    const absl::Time from = At(zone, absl::CivilSecond(2025, 2, 1, 0, 0, 0));
    const absl::Time until = from + absl::Hours(24 * 366);
    const auto observances = ObservancesCovering(zone, from, until);
    ASSERT_TRUE(observances.ok());
    for (absl::Time t = from; t <= until; t += absl::Hours(1)) {
      ASSERT_EQ(OffsetFromObservances(*observances, t), tz.At(t).offset)
          << zone << " at " << absl::FormatTime(t);
    }
  }
}

TEST(IcalVTimezone, UnknownZoneIsAnInvalidField) {
  const absl::Time now = absl::FromUnixSeconds(1750000000);
  EXPECT_EQ(ObservancesCovering("Mars/Olympus_Mons", now, now).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ObservancesCovering("", now, now).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(IcalVTimezone, UtcOffsetsInRfc5545Form) {
  EXPECT_EQ(FormatUtcOffset(0), "+0000");
  EXPECT_EQ(FormatUtcOffset(330 * 60), "+0530");
  EXPECT_EQ(FormatUtcOffset(-300 * 60), "-0500");
  EXPECT_EQ(FormatUtcOffset(12 * 3600 + 45 * 60), "+1245");
  EXPECT_EQ(FormatUtcOffset(-(19 * 60 + 15)), "-001915");
}

TEST(IcalVTimezone, WritesOneSubComponentPerObservance) {
  const auto observances = Covering("Europe/London", absl::CivilSecond(2025, 10, 20, 9, 0, 0),
                                    absl::CivilSecond(2025, 10, 30, 9, 0, 0));
  IcalWriter writer;
  WriteVTimezone("Europe/London", observances, writer);
  EXPECT_EQ(writer.text(),
            "BEGIN:VTIMEZONE\r\n"
            "TZID:Europe/London\r\n"
            "BEGIN:DAYLIGHT\r\n"
            "DTSTART:20250330T010000\r\n"
            "TZOFFSETFROM:+0000\r\n"
            "TZOFFSETTO:+0100\r\n"
            "TZNAME:BST\r\n"
            "END:DAYLIGHT\r\n"
            "BEGIN:STANDARD\r\n"
            "DTSTART:20251026T020000\r\n"
            "TZOFFSETFROM:+0100\r\n"
            "TZOFFSETTO:+0000\r\n"
            "TZNAME:GMT\r\n"
            "END:STANDARD\r\n"
            "END:VTIMEZONE\r\n");
}

TEST(IcalVTimezone, KolkataIsWrittenAsASingleStandard) {
  const auto observances = Covering("Asia/Kolkata", absl::CivilSecond(2025, 1, 1, 0, 0, 0),
                                    absl::CivilSecond(2026, 1, 1, 0, 0, 0));
  IcalWriter writer;
  WriteVTimezone("Asia/Kolkata", observances, writer);
  EXPECT_THAT(writer.text(), HasSubstr("BEGIN:STANDARD\r\n"));
  EXPECT_THAT(writer.text(), HasSubstr("TZOFFSETTO:+0530\r\n"));
  EXPECT_THAT(writer.text(), ::testing::Not(HasSubstr("DAYLIGHT")));
}

}  // namespace
}  // namespace fgc::scheduling::calendar
