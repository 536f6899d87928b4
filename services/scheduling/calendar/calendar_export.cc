#include "services/scheduling/calendar/calendar_export.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/base/errors.h"
#include "services/scheduling/calendar/ical_writer.h"
#include "services/scheduling/calendar/vtimezone.h"

namespace fgc::scheduling::calendar {
namespace {

constexpr char kProductId[] = "-//fgc//Family Group Conference//EN";

// How far past the last meeting the VTIMEZONE reaches: a whole year, so that a client which
// derives the zone's rules from it (rather than from TZID) sees both standard and daylight
// time, and a meeting moved by hand in the client still lands right.
constexpr absl::Duration kZoneCoverageAfter = absl::Hours(24 * 366);

std::string Path(int index, std::string_view member) {
  return absl::StrFormat("events[%d].%s", index, std::string(member));
}

bool HasSpaceOrControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// An address usable in a mailto: URI; `%`, `?` and `#` would change the URI's meaning.
std::string MailtoUri(std::string_view email) {
  std::string uri = "mailto:";
  for (const char c : email) {
    if (c == '%' || c == '?' || c == '#') {
      absl::StrAppendFormat(&uri, "%%%02X", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri;
}

bool IsEmail(std::string_view email) {
  return email.find('@') != std::string_view::npos && !HasSpaceOrControl(email) &&
         email.find_first_of("<>\"") == std::string_view::npos;
}

bool IsWebUrl(std::string_view url) {
  return (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) && !HasSpaceOrControl(url);
}

// E.164: a plus and 1-15 digits.
bool IsE164(std::string_view number) {
  return number.size() >= 2 && number.size() <= 16 && number[0] == '+' &&
         std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

absl::Status ValidateEvent(const CalendarEvent& event, int index) {
  if (event.uid.empty() || HasSpaceOrControl(event.uid)) {
    return FieldError(Path(index, "uid"), "a calendar UID without spaces is required");
  }
  if (event.sequence < 0) return FieldError(Path(index, "sequence"), "must not be negative");
  if (event.end <= event.start) return FieldError(Path(index, "end"), "must be after the start");
  if (event.remote_join.has_value()) {
    const v1::RemoteJoin& join = *event.remote_join;
    if (!join.url().empty() && !IsWebUrl(join.url())) {
      return FieldError(Path(index, "remote_join.url"), "must be an http(s) URL");
    }
    if (!join.dial_in_number().empty() && !IsE164(join.dial_in_number())) {
      return FieldError(Path(index, "remote_join.dial_in_number"), "must be in E.164 form");
    }
  }
  return absl::OkStatus();
}

absl::Status Validate(const CalendarExport& calendar) {
  if (!IsEmail(calendar.organizer.email)) {
    return FieldError("organizer.email", "the organiser's email address is required");
  }
  if (calendar.events.empty()) return FieldError("events", "at least one event is required");
  for (size_t i = 0; i < calendar.events.size(); ++i) {
    if (auto status = ValidateEvent(calendar.events[i], static_cast<int>(i)); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

std::string_view PartstatWord(ParticipationStatus status) {
  switch (status) {
    case ParticipationStatus::kAccepted:
      return "ACCEPTED";
    case ParticipationStatus::kTentative:
      return "TENTATIVE";
    case ParticipationStatus::kDeclined:
      return "DECLINED";
    case ParticipationStatus::kNeedsAction:
      break;
  }
  return "NEEDS-ACTION";
}

// A venue as one line: its name, then its address, most specific first.
std::string VenueLocation(const v1::Venue& venue) {
  std::vector<std::string> parts;
  auto add = [&parts](const std::string& part) {
    if (!part.empty()) parts.push_back(part);
  };
  add(venue.display_name());
  for (const std::string& line : venue.address().address_lines()) add(line);
  add(venue.address().locality());
  add(venue.address().administrative_area());
  add(venue.address().postal_code());
  add(venue.address().region_code());
  return absl::StrJoin(parts, ", ");
}

// What one event shows its recipient: the venue, the remote-join details, or both.
struct Shown {
  const v1::Venue* venue = nullptr;
  const v1::RemoteJoin* remote = nullptr;
};

Shown WhatToShow(const CalendarEvent& event, Attendance attendance) {
  Shown shown;
  const bool has_venue = event.venue.has_value();
  const bool has_remote =
      event.remote_join.has_value() &&
      (!event.remote_join->url().empty() || !event.remote_join->dial_in_number().empty() ||
       !event.remote_join->instructions().empty());
  if (has_venue && attendance != Attendance::kRemote) shown.venue = &*event.venue;
  // Without a venue no one meets in person, so everyone needs the way in.
  if (has_remote && (attendance != Attendance::kInPerson || !has_venue)) {
    shown.remote = &*event.remote_join;
  }
  return shown;
}

std::string Location(const Shown& shown) {
  if (shown.venue != nullptr) return VenueLocation(*shown.venue);
  if (shown.remote == nullptr) return "";
  if (!shown.remote->url().empty()) return shown.remote->url();
  return shown.remote->dial_in_number();
}

std::string Description(const CalendarEvent& event, const Shown& shown,
                        const CalendarLabels& labels) {
  std::vector<std::string> lines;
  auto add = [&lines](const std::string& label, const std::string& value) {
    if (!value.empty()) lines.push_back(label + ": " + value);
  };
  if (shown.venue != nullptr) add(labels.directions, shown.venue->directions());
  if (shown.remote != nullptr) {
    add(labels.video, shown.remote->url());
    add(labels.phone, shown.remote->dial_in_number());
    add(labels.instructions, shown.remote->instructions());
  }
  std::string text = event.description;
  if (!text.empty() && !lines.empty()) text += "\n\n";
  return text + absl::StrJoin(lines, "\n");
}

// DTSTART or DTEND. Local time with TZID, unless that local time is ambiguous (clocks going
// back) and RFC 5545 would read it as the other instant: then the UTC form, which is exact.
void AddZonedTime(IcalWriter& writer, std::string_view name, absl::Time time,
                  const absl::TimeZone& tz, const std::string& tzid) {
  const absl::CivilSecond local = absl::ToCivilSecond(time, tz);
  if (tz.At(local).pre != time) {
    writer.AddRaw(name, FormatUtcDateTime(time));
    return;
  }
  writer.AddRaw(name, FormatLocalDateTime(local), {{"TZID", tzid}});
}

void AddParties(IcalWriter& writer, const CalendarExport& calendar) {
  std::vector<IcalParam> organizer;
  if (!calendar.organizer.display_name.empty()) {
    organizer.push_back({"CN", calendar.organizer.display_name});
  }
  writer.AddRaw("ORGANIZER", MailtoUri(calendar.organizer.email), organizer);
  for (const CalendarParty& attendee : calendar.attendees) {
    if (!IsEmail(attendee.email)) continue;
    std::vector<IcalParam> params;
    if (!attendee.display_name.empty()) params.push_back({"CN", attendee.display_name});
    params.push_back({"ROLE", "REQ-PARTICIPANT"});
    params.push_back({"PARTSTAT", std::string(PartstatWord(attendee.status))});
    // Answers go through the family's own link, not calendar replies to the coordinator.
    params.push_back({"RSVP", "FALSE"});
    writer.AddRaw("ATTENDEE", MailtoUri(attendee.email), params);
  }
}

// RFC 7986 CONFERENCE: clients that know it offer a join button.
void AddConference(IcalWriter& writer, const v1::RemoteJoin& join, const CalendarLabels& labels) {
  if (!join.url().empty()) {
    writer.AddRaw("CONFERENCE", join.url(),
                  {{"VALUE", "URI"}, {"FEATURE", "AUDIO,VIDEO"}, {"LABEL", labels.video}});
  }
  if (!join.dial_in_number().empty()) {
    writer.AddRaw("CONFERENCE", "tel:" + join.dial_in_number(),
                  {{"VALUE", "URI"}, {"FEATURE", "PHONE"}, {"LABEL", labels.phone}});
  }
}

void AddEvent(IcalWriter& writer, const CalendarExport& calendar, const CalendarEvent& event,
              const absl::TimeZone& tz) {
  const bool cancel = calendar.method == CalendarMethod::kCancel;
  const Shown shown = WhatToShow(event, calendar.attendance);
  writer.Begin("VEVENT");
  writer.AddText("UID", event.uid);
  writer.AddRaw("DTSTAMP", FormatUtcDateTime(calendar.dtstamp));
  writer.AddRaw("SEQUENCE", absl::StrFormat("%d", event.sequence));
  writer.AddRaw("STATUS", cancel ? "CANCELLED" : "CONFIRMED");
  AddZonedTime(writer, "DTSTART", event.start, tz, calendar.time_zone);
  AddZonedTime(writer, "DTEND", event.end, tz, calendar.time_zone);
  writer.AddText("SUMMARY", event.summary);
  const std::string description = Description(event, shown, calendar.labels);
  if (!description.empty()) writer.AddText("DESCRIPTION", description);
  const std::string location = Location(shown);
  if (!location.empty()) writer.AddText("LOCATION", location);
  if (shown.remote != nullptr) AddConference(writer, *shown.remote, calendar.labels);
  AddParties(writer, calendar);
  // A family meeting about a child: shared calendars show only that the time is taken.
  writer.AddRaw("CLASS", "PRIVATE");
  writer.AddRaw("TRANSP", "OPAQUE");
  writer.End("VEVENT");
}

}  // namespace

absl::StatusOr<std::string> RenderCalendar(const CalendarExport& calendar) {
  if (auto status = Validate(calendar); !status.ok()) return status;
  absl::Time first = calendar.events.front().start;
  absl::Time last = calendar.events.front().end;
  for (const CalendarEvent& event : calendar.events) {
    first = std::min(first, event.start);
    last = std::max(last, event.end);
  }
  absl::StatusOr<std::vector<ZoneObservance>> observances =
      ObservancesCovering(calendar.time_zone, first, last + kZoneCoverageAfter);
  if (!observances.ok()) return observances.status();
  absl::TimeZone tz;
  absl::LoadTimeZone(calendar.time_zone, &tz);  // known to load: ObservancesCovering did

  IcalWriter writer;
  writer.Begin("VCALENDAR");
  writer.AddRaw("PRODID", kProductId);
  writer.AddRaw("VERSION", "2.0");
  writer.AddRaw("CALSCALE", "GREGORIAN");
  writer.AddRaw("METHOD", calendar.method == CalendarMethod::kCancel ? "CANCEL" : "REQUEST");
  WriteVTimezone(calendar.time_zone, *observances, writer);
  for (const CalendarEvent& event : calendar.events) AddEvent(writer, calendar, event, tz);
  writer.End("VCALENDAR");
  return writer.text();
}

std::string CalendarContentType(CalendarMethod method) {
  return std::string("text/calendar; charset=utf-8; method=") +
         (method == CalendarMethod::kCancel ? "CANCEL" : "REQUEST");
}

}  // namespace fgc::scheduling::calendar
