#include "services/scheduling/calendar/calendar_export.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/base/errors.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::scheduling::calendar {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

absl::Time London(int y, int mo, int d, int h, int mi) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/London", &tz));
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, 0), tz);
}

absl::Time Utc(int y, int mo, int d, int h, int mi) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, 0), absl::UTCTimeZone());
}

v1::Venue Riverside() {
  v1::Venue venue;
  venue.set_display_name("Riverside Community Centre");
  venue.mutable_address()->add_address_lines("1 Mill Lane");
  venue.mutable_address()->set_locality("Northtown");
  venue.mutable_address()->set_postal_code("NT1 2AB");
  venue.mutable_address()->set_region_code("GB");
  venue.set_directions("Side door; the room is on the left");
  return venue;
}

v1::RemoteJoin VideoCall() {
  v1::RemoteJoin join;
  join.set_url("https://meet.example.org/fgc-42");
  join.set_dial_in_number("+441632960000");
  join.set_instructions("Access code 123 456");
  return join;
}

CalendarExport Booked() {
  CalendarExport calendar;
  calendar.method = CalendarMethod::kRequest;
  calendar.time_zone = "Europe/London";
  calendar.dtstamp = Utc(2025, 6, 1, 8, 30);
  calendar.organizer = {"Jo Smith", "jo.smith@northshire.example", {}};
  calendar.attendees = {{"Aunt May", "may@example.org", ParticipationStatus::kAccepted}};
  CalendarEvent event;
  event.uid = "c42-7f3a@fgc.example";
  event.sequence = 0;
  event.start = London(2025, 7, 1, 10, 0);
  event.end = London(2025, 7, 1, 13, 0);
  event.summary = "Family meeting for Sam";
  event.description = "A meeting where the family makes a plan.";
  event.venue = Riverside();
  event.remote_join = VideoCall();
  calendar.events.push_back(event);
  return calendar;
}

std::string Render(const CalendarExport& calendar) {
  absl::StatusOr<std::string> text = RenderCalendar(calendar);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.value_or("");
}

// RFC 5545 unfolding: every CRLF followed by a space removed.
std::string Unfold(const std::string& text) {
  std::string unfolded;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
    } else {
      unfolded += text[i];
    }
  }
  return unfolded;
}

// The logical (unfolded) content lines.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(Unfold(text), "\r\n");
  lines.pop_back();
  return lines;
}

std::string FieldOf(const absl::Status& status) {
  auto details = DetailsOf(status);
  return details && !details->field_violations.empty() ? details->field_violations[0].field : "";
}

TEST(IcalCalendarExport, BookingIsARequestWithIdentityAndSequence) {
  CalendarExport calendar = Booked();
  calendar.events[0].sequence = 2;
  const auto lines = Lines(Render(calendar));
  EXPECT_THAT(lines, Contains("METHOD:REQUEST"));
  EXPECT_THAT(lines, Contains("UID:c42-7f3a@fgc.example"));
  EXPECT_THAT(lines, Contains("SEQUENCE:2"));
  EXPECT_THAT(lines, Contains("DTSTAMP:20250601T083000Z"));
  EXPECT_THAT(lines, Contains("STATUS:CONFIRMED"));
  EXPECT_THAT(lines, Contains("VERSION:2.0"));
  EXPECT_THAT(lines, Contains(StartsWith("PRODID:")));
}

TEST(IcalCalendarExport, CancellationIsACancelWithStatusCancelled) {
  CalendarExport calendar = Booked();
  calendar.method = CalendarMethod::kCancel;
  calendar.events[0].sequence = 3;
  const auto lines = Lines(Render(calendar));
  EXPECT_THAT(lines, Contains("METHOD:CANCEL"));
  EXPECT_THAT(lines, Contains("STATUS:CANCELLED"));
  EXPECT_THAT(lines, Contains("UID:c42-7f3a@fgc.example"));
  EXPECT_THAT(lines, Contains("SEQUENCE:3"));
  EXPECT_THAT(lines, Not(Contains("STATUS:CONFIRMED")));
}

TEST(IcalCalendarExport, TimesAreLocalToTheConferenceZone) {
  const auto lines = Lines(Render(Booked()));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20250701T100000"));
  EXPECT_THAT(lines, Contains("DTEND;TZID=Europe/London:20250701T130000"));
  EXPECT_THAT(lines, Contains("TZID:Europe/London"));
}

TEST(IcalCalendarExport, TimeZoneComesBeforeTheEventAndCoversTheYearAfter) {
  const std::string text = Render(Booked());
  EXPECT_LT(text.find("BEGIN:VTIMEZONE"), text.find("BEGIN:VEVENT"));
  // July 2025: BST from March, GMT from October, BST again from March 2026.
  EXPECT_THAT(text, HasSubstr("DTSTART:20250330T010000\r\n"));
  EXPECT_THAT(text, HasSubstr("DTSTART:20251026T020000\r\n"));
  EXPECT_THAT(text, HasSubstr("DTSTART:20260329T010000\r\n"));
}

// 01:30 on 26 October 2025 happens twice in London; RFC 5545 reads it as the first (BST).
TEST(IcalCalendarExport, SecondOfTwoRepeatedLocalTimesIsWrittenInUtc) {
  CalendarExport calendar = Booked();
  calendar.events[0].start = Utc(2025, 10, 26, 1, 30);  // 01:30 GMT, the second one
  calendar.events[0].end = Utc(2025, 10, 26, 3, 0);
  const auto lines = Lines(Render(calendar));
  EXPECT_THAT(lines, Contains("DTSTART:20251026T013000Z"));
  EXPECT_THAT(lines, Contains("DTEND;TZID=Europe/London:20251026T030000"));
}

TEST(IcalCalendarExport, FirstOfTwoRepeatedLocalTimesKeepsItsZone) {
  CalendarExport calendar = Booked();
  calendar.events[0].start = Utc(2025, 10, 26, 0, 30);  // 01:30 BST
  calendar.events[0].end = Utc(2025, 10, 26, 3, 0);
  EXPECT_THAT(Lines(Render(calendar)), Contains("DTSTART;TZID=Europe/London:20251026T013000"));
}

TEST(IcalCalendarExport, InPersonAttendeeGetsTheVenueAndNoJoiningDetails) {
  const std::string text = Unfold(Render(Booked()));
  EXPECT_THAT(Lines(text), Contains("LOCATION:Riverside Community Centre\\, 1 Mill Lane\\, "
                                    "Northtown\\, NT1 2AB\\, GB"));
  EXPECT_THAT(text, HasSubstr("How to get there: Side door\\; the room is on the left"));
  EXPECT_THAT(text, Not(HasSubstr("meet.example.org")));
  EXPECT_THAT(text, Not(HasSubstr("1632960000")));
  EXPECT_THAT(text, Not(HasSubstr("123 456")));
  EXPECT_THAT(text, Not(HasSubstr("CONFERENCE")));
}

TEST(IcalCalendarExport, RemoteAttendeeGetsTheJoiningDetailsAndNoVenueAddress) {
  CalendarExport calendar = Booked();
  calendar.attendance = Attendance::kRemote;
  const std::string text = Unfold(Render(calendar));
  const auto lines = Lines(text);
  EXPECT_THAT(lines, Contains("LOCATION:https://meet.example.org/fgc-42"));
  EXPECT_THAT(lines, Contains("CONFERENCE;VALUE=URI;FEATURE=\"AUDIO,VIDEO\";LABEL=Join by video:"
                              "https://meet.example.org/fgc-42"));
  EXPECT_THAT(lines, Contains("CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=Join by phone:"
                              "tel:+441632960000"));
  EXPECT_THAT(text, HasSubstr("How to join: Access code 123 456"));
  EXPECT_THAT(text, Not(HasSubstr("Mill Lane")));
  EXPECT_THAT(text, Not(HasSubstr("Side door")));
}

TEST(IcalCalendarExport, WithoutAVenueEveryoneGetsTheJoiningDetails) {
  CalendarExport calendar = Booked();
  calendar.events[0].venue.reset();
  EXPECT_THAT(Lines(Render(calendar)), Contains("LOCATION:https://meet.example.org/fgc-42"));
}

TEST(IcalCalendarExport, OrganisersCopyHasVenueAndJoiningDetails) {
  CalendarExport calendar = Booked();
  calendar.attendance = Attendance::kStaff;
  const std::string text = Unfold(Render(calendar));
  EXPECT_THAT(text, HasSubstr("LOCATION:Riverside Community Centre"));
  EXPECT_THAT(text, HasSubstr("CONFERENCE;"));
}

TEST(IcalCalendarExport, OrganizerAndAttendeeAreMailtoAddresses) {
  const auto lines = Lines(Render(Booked()));
  EXPECT_THAT(lines, Contains("ORGANIZER;CN=Jo Smith:mailto:jo.smith@northshire.example"));
  EXPECT_THAT(lines, Contains("ATTENDEE;CN=Aunt May;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
                              "RSVP=FALSE:mailto:may@example.org"));
}

TEST(IcalCalendarExport, AttendeeWithoutEmailIsLeftOut) {
  CalendarExport calendar = Booked();
  calendar.attendees = {{"Grandad", "", ParticipationStatus::kNeedsAction}};
  const std::string text = Unfold(Render(calendar));
  EXPECT_THAT(text, Not(HasSubstr("ATTENDEE")));
  EXPECT_THAT(text, Not(HasSubstr("Grandad")));
}

TEST(IcalCalendarExport, SummaryAndDescriptionAreEscapedText) {
  CalendarExport calendar = Booked();
  calendar.events[0].summary = "Family meeting; lunch, too";
  calendar.events[0].description = "Bring:\nphotos";
  const auto lines = Lines(Render(calendar));
  EXPECT_THAT(lines, Contains("SUMMARY:Family meeting\\; lunch\\, too"));
  EXPECT_THAT(lines, Contains(StartsWith("DESCRIPTION:Bring:\\nphotos\\n\\nHow to get there")));
}

TEST(IcalCalendarExport, EveryPhysicalLineEndsWithCrlfAndFitsIn75Octets) {
  CalendarExport calendar = Booked();
  calendar.events[0].description =
      std::string(40, 'x') + "Ngā mihi 日本語 😀 " + std::string(200, 'y');
  const std::string text = Render(calendar);
  ASSERT_THAT(text, testing::EndsWith("END:VCALENDAR\r\n"));
  std::vector<std::string> physical = absl::StrSplit(text, "\r\n");
  physical.pop_back();
  for (const std::string& line : physical) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  }
}

TEST(IcalCalendarExport, ReviewsAreFurtherEventsWithTheirOwnUid) {
  CalendarExport calendar = Booked();
  CalendarEvent review = calendar.events[0];
  review.uid = "c42-review-1@fgc.example";
  review.start = London(2025, 10, 7, 10, 0);
  review.end = London(2025, 10, 7, 12, 0);
  calendar.events.push_back(review);
  const auto lines = Lines(Render(calendar));
  EXPECT_THAT(lines, Contains("UID:c42-review-1@fgc.example"));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20251007T100000"));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VTIMEZONE"), 1);
}

TEST(IcalCalendarExport, UnknownZoneIsRefused) {
  CalendarExport calendar = Booked();
  calendar.time_zone = "Europe/Atlantis";
  const auto status = RenderCalendar(calendar).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(status), "time_zone");
}

TEST(IcalCalendarExport, EndNotAfterStartIsRefused) {
  CalendarExport calendar = Booked();
  calendar.events[0].end = calendar.events[0].start;
  EXPECT_EQ(FieldOf(RenderCalendar(calendar).status()), "events[0].end");
}

TEST(IcalCalendarExport, MissingUidIsRefused) {
  CalendarExport calendar = Booked();
  calendar.events[0].uid = "";
  EXPECT_EQ(FieldOf(RenderCalendar(calendar).status()), "events[0].uid");
}

TEST(IcalCalendarExport, OrganizerWithoutEmailIsRefused) {
  CalendarExport calendar = Booked();
  calendar.organizer.email = "";
  EXPECT_EQ(FieldOf(RenderCalendar(calendar).status()), "organizer.email");
}

TEST(IcalCalendarExport, JoiningUrlThatIsNotHttpIsRefused) {
  CalendarExport calendar = Booked();
  calendar.events[0].remote_join->set_url("javascript:alert(1)");
  EXPECT_EQ(FieldOf(RenderCalendar(calendar).status()), "events[0].remote_join.url");
}

TEST(IcalCalendarExport, ContentTypeNamesTheMethod) {
  EXPECT_EQ(CalendarContentType(CalendarMethod::kRequest),
            "text/calendar; charset=utf-8; method=REQUEST");
  EXPECT_EQ(CalendarContentType(CalendarMethod::kCancel),
            "text/calendar; charset=utf-8; method=CANCEL");
}

}  // namespace
}  // namespace fgc::scheduling::calendar
