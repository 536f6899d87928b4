// Writes sample calendars and what a parser should read from them, for
// check_with_icalendar.py: RFC 5545 output checked by an independent parser (Python's
// icalendar), not only by this code's own tests. Usage: calendar_samples <output directory>.
// The directory gets one .ics per sample and manifest.tsv: file, UID, METHOD, SEQUENCE, the
// zone (the TZID), whether DTSTART is `local` (with TZID) or `utc`, start and end as UTC
// ISO 8601, SUMMARY, how the recipient attends (`remote` or `in_person`) and the joining URL.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/scheduling/calendar/calendar_export.h"

namespace fgc::scheduling::calendar {
namespace {

struct Sample {
  std::string file;
  std::string zone;
  absl::CivilSecond local_start;  // in `zone`
  absl::Duration length;
  CalendarMethod method = CalendarMethod::kRequest;
  int sequence = 0;
  Attendance attendance = Attendance::kInPerson;
  std::string summary = "Family meeting for Sam";
  bool expect_utc_start = false;
};

CalendarExport ToCalendar(const Sample& sample, const absl::TimeZone& tz) {
  CalendarExport calendar;
  calendar.method = sample.method;
  calendar.time_zone = sample.zone;
  calendar.dtstamp = absl::FromUnixSeconds(1748766600);
  calendar.organizer = {"Jo Smith, coordinator", "jo.smith@northshire.example", {}};
  calendar.attendees = {{"Aunt May", "may@example.org", ParticipationStatus::kAccepted}};
  calendar.attendance = sample.attendance;
  CalendarEvent event;
  event.uid = "conference-" + sample.file + "@fgc.example";
  event.sequence = sample.sequence;
  event.start = absl::FromCivil(sample.local_start, tz);
  event.end = event.start + sample.length;
  event.summary = sample.summary;
  event.description =
      "A meeting where the family makes a plan; bring photos, if you like.\n"
      "Lunch is provided.";
  v1::Venue venue;
  venue.set_display_name("Riverside Community Centre");
  venue.mutable_address()->add_address_lines("1 Mill Lane");
  venue.mutable_address()->set_region_code("GB");
  event.venue = venue;
  v1::RemoteJoin join;
  join.set_url("https://meet.example.org/fgc-42?pwd=a,b;c");
  join.set_dial_in_number("+441632960000");
  event.remote_join = join;
  calendar.events.push_back(event);
  return calendar;
}

std::vector<Sample> Samples() {
  std::vector<Sample> samples = {
      {"london-summer", "Europe/London", absl::CivilSecond(2025, 7, 1, 10, 0, 0), absl::Hours(3)},
      {"london-winter-rescheduled", "Europe/London", absl::CivilSecond(2025, 12, 2, 10, 0, 0),
       absl::Hours(3), CalendarMethod::kRequest, 1},
      {"auckland-cancelled", "Pacific/Auckland", absl::CivilSecond(2025, 4, 8, 9, 30, 0),
       absl::Hours(2), CalendarMethod::kCancel, 2},
      {"auckland-summer", "Pacific/Auckland", absl::CivilSecond(2026, 1, 15, 18, 0, 0),
       absl::Hours(2), CalendarMethod::kRequest, 0, Attendance::kRemote},
      {"kolkata-remote", "Asia/Kolkata", absl::CivilSecond(2025, 11, 3, 17, 0, 0),
       absl::Minutes(90), CalendarMethod::kRequest, 0, Attendance::kRemote},
      {"new-york-across-spring-change", "America/New_York", absl::CivilSecond(2026, 3, 8, 1, 0, 0),
       absl::Hours(3)},
      {"utc", "UTC", absl::CivilSecond(2025, 9, 1, 12, 0, 0), absl::Hours(1)},
      {"multibyte-summary", "Europe/London", absl::CivilSecond(2025, 8, 5, 14, 0, 0),
       absl::Hours(2), CalendarMethod::kRequest, 0, Attendance::kInPerson,
       "Hui whānau: Ngā mihi, 家族会議; réunion de famille 😀 " + std::string(40, '=')},
  };
  // 01:30 on 26 October 2025 comes twice in London; this is the second (GMT) one.
  Sample repeated{"london-repeated-hour", "Europe/London",
                  absl::CivilSecond(2025, 10, 26, 1, 30, 0), absl::Hours(2)};
  repeated.expect_utc_start = true;
  samples.push_back(repeated);
  return samples;
}

std::string Iso(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

int Run(const std::string& directory) {
  std::ofstream manifest(directory + "/manifest.tsv");
  for (const Sample& sample : Samples()) {
    absl::TimeZone tz;
    if (!absl::LoadTimeZone(sample.zone, &tz)) return 1;
    CalendarExport calendar = ToCalendar(sample, tz);
    if (sample.expect_utc_start) {
      // FromCivil took the first 01:30; move to the second, an hour later.
      calendar.events[0].start += absl::Hours(1);
      calendar.events[0].end += absl::Hours(1);
    }
    absl::StatusOr<std::string> text = RenderCalendar(calendar);
    if (!text.ok()) {
      std::cerr << sample.file << ": " << text.status() << "\n";
      return 1;
    }
    std::ofstream(directory + "/" + sample.file + ".ics", std::ios::binary) << *text;
    const CalendarEvent& event = calendar.events[0];
    manifest << sample.file << ".ics\t" << event.uid << "\t"
             << (sample.method == CalendarMethod::kCancel ? "CANCEL" : "REQUEST") << "\t"
             << event.sequence << "\t" << sample.zone << "\t"
             << (sample.expect_utc_start ? "utc" : "local") << "\t" << Iso(event.start) << "\t"
             << Iso(event.end) << "\t" << event.summary << "\t"
             << (sample.attendance == Attendance::kRemote ? "remote" : "in_person") << "\t"
             << event.remote_join->url() << "\n";
  }
  return manifest.good() ? 0 : 1;
}

}  // namespace
}  // namespace fgc::scheduling::calendar

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: calendar_samples <output directory>\n";
    return 2;
  }
  return fgc::scheduling::calendar::Run(argv[1]);
}
