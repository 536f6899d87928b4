// A booked conference (and any review conferences) as one person's RFC 5545 calendar: what
// ExportCalendar returns and what booking, reschedule and cancel messages attach. A pure
// function of what the caller decides the recipient may see; it looks nothing up.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/venue.pb.h"

namespace fgc::scheduling::calendar {

// The iTIP method (RFC 5546): a booking or reschedule is a REQUEST, a cancellation a CANCEL.
enum class CalendarMethod { kRequest, kCancel };

// How the recipient takes part, which decides where the calendar says the meeting is.
enum class Attendance {
  kInPerson,  // the venue; the remote-join details are left out
  kRemote,    // the remote-join details; the venue's address is left out
  kStaff,     // the organiser's copy: both
};

// How the recipient answered their invitation, as ATTENDEE's PARTSTAT.
enum class ParticipationStatus { kNeedsAction, kAccepted, kTentative, kDeclined };

// A calendar user: the organiser (the coordinator) or an attendee.
struct CalendarParty {
  std::string display_name;  // CN; may be empty for an attendee
  std::string email;         // becomes the mailto: address; required for the organiser
  ParticipationStatus status = ParticipationStatus::kNeedsAction;  // attendees only
};

// Words the calendar adds around the joining details, in the recipient's language.
struct CalendarLabels {
  std::string video = "Join by video";
  std::string phone = "Join by phone";
  std::string instructions = "How to join";
  std::string directions = "How to get there";
};

// One meeting: the conference itself or a review conference.
struct CalendarEvent {
  std::string uid;                 // Booking.calendar_uid: the same across reschedules
  int sequence = 0;                // Booking.sequence: one more on every reschedule or cancellation
  absl::Time start;                // Booking.start_time
  absl::Time end;                  // Booking.end_time, after `start`
  std::string summary;             // the title, in words fit for the family
  std::string description;         // plain words for the recipient (may be empty)
  std::optional<v1::Venue> venue;  // where, when someone meets in person
  std::optional<v1::RemoteJoin> remote_join;  // how, when someone joins remotely
};

// Everything one calendar holds. Every event shares the method and the conference's zone.
struct CalendarExport {
  CalendarMethod method = CalendarMethod::kRequest;
  std::string time_zone;  // the conference's IANA zone, for example `Europe/London`
  absl::Time dtstamp;     // when this calendar object is made (DTSTAMP)
  CalendarParty organizer;
  // Who the calendar is for: the one invitee in a member's copy; may be empty or many in the
  // organiser's copy. Attendees without an email address are left out (ATTENDEE is a URI).
  std::vector<CalendarParty> attendees;
  Attendance attendance = Attendance::kInPerson;
  CalendarLabels labels;
  std::vector<CalendarEvent> events;  // at least one
};

// The iCalendar object: VCALENDAR with METHOD, one VTIMEZONE for `time_zone` built from its
// real rules (covering the events and the year after them), and one VEVENT per event with UID,
// DTSTAMP, SEQUENCE, STATUS (CONFIRMED, or CANCELLED under CANCEL), DTSTART/DTEND with TZID,
// ORGANIZER, ATTENDEE, and LOCATION, DESCRIPTION and CONFERENCE (RFC 7986) as `attendance`
// allows. With no venue the meeting is remote for everyone, whatever `attendance` says. Lines end
// with CRLF and are folded at 75 octets. INVALID_ARGUMENT (INVALID_FIELD, paths named after the
// structs' members, for example `events[0].uid`) for an unknown zone, a missing UID, an end not
// after the start, a negative sequence or a missing organiser address.
absl::StatusOr<std::string> RenderCalendar(const CalendarExport& calendar);

// The media type to send it with: `text/calendar; charset=utf-8; method=REQUEST` or CANCEL.
std::string CalendarContentType(CalendarMethod method);

}  // namespace fgc::scheduling::calendar
