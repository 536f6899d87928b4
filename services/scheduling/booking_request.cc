#include "services/scheduling/booking_request.h"

#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/scheduling/conference_record.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/field_checks.h"

namespace fgc::scheduling {
namespace {

constexpr absl::Duration kLongestMeeting = absl::Hours(12);

bool IsE164(std::string_view number) {
  if (number.size() < 3 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  for (char c : number.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void CheckRemoteJoin(FieldViolations& v, const v1::RemoteJoin& join, const std::string& field) {
  if (!join.url().empty() &&
      (!absl::StartsWith(join.url(), "https://") || join.url().size() > 2000 ||
       join.url().find_first_of(" \t\r\n") != std::string::npos)) {
    v.Add(field + ".url", "must be an https URL of at most 2,000 characters");
  }
  if (!join.dial_in_number().empty() && !IsE164(join.dial_in_number())) {
    v.Add(field + ".dial_in_number", "must be an E.164 number such as +441632960000");
  }
  v.Text(field + ".instructions", join.instructions(), 2000, false, TextShape::kMultiLine);
}

// start_time in the future, end_time after it and at most 12 hours later.
void CheckTimes(FieldViolations& v, const google::protobuf::Timestamp& start_time,
                const google::protobuf::Timestamp& end_time, absl::Time now,
                const std::string& prefix) {
  const bool has_times = IsSet(start_time) && IsSet(end_time) && IsValidTimestamp(start_time) &&
                         IsValidTimestamp(end_time);
  if (!has_times) {
    v.Add(prefix + ".start_time", "start_time and end_time are required");
  } else {
    const absl::Time start = ToAbslTime(start_time);
    const absl::Time end = ToAbslTime(end_time);
    if (start <= now) v.Add(prefix + ".start_time", "must be in the future");
    if (end <= start || end - start > kLongestMeeting) {
      v.Add(prefix + ".end_time", "must be after start_time and at most 12 hours later");
    }
  }
}

}  // namespace

std::string VenueId(const std::string& name, const std::string& tenant) {
  const std::string prefix = absl::StrCat("tenants/", tenant, "/venues/");
  if (!absl::StartsWith(name, prefix)) return "";
  const std::string id = name.substr(prefix.size());
  return IsValidConferenceId(id) ? id : "";  // the same id rules as conferences
}

absl::Status ValidateVenue(const v1::Venue& venue) {
  FieldViolations v;
  v.Text("venue.display_name", venue.display_name(), 200, true);
  const v1::Address& address = venue.address();
  if (address.address_lines_size() < 1 || address.address_lines_size() > 5) {
    v.Add("venue.address.address_lines", "give 1-5 lines");
  }
  for (int i = 0; i < address.address_lines_size(); ++i) {
    v.Text(absl::StrCat("venue.address.address_lines[", i, "]"), address.address_lines(i), 200,
           true);
  }
  v.Text("venue.address.locality", address.locality(), 200, false);
  v.Text("venue.address.postal_code", address.postal_code(), 20, false);
  const std::string& region = address.region_code();
  if (region.size() != 2 || region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' ||
      region[1] > 'Z') {
    v.Add("venue.address.region_code", "must be a CLDR region code such as GB");
  }
  if (!IsKnownTimeZone(venue.time_zone())) {
    v.Add("venue.time_zone", "must be an IANA time zone such as Europe/London");
  }
  if (venue.capacity() < 1 || venue.capacity() > 1000) v.Add("venue.capacity", "must be 1-1,000");
  v.Text("venue.accessibility_notes", venue.accessibility_notes(), 2000, false,
         TextShape::kMultiLine);
  v.Text("venue.directions", venue.directions(), 2000, false, TextShape::kMultiLine);
  return v.ToStatus("the venue is malformed");
}

absl::Status ValidateBooking(const v1::Booking& booking, const std::string& tenant, absl::Time now,
                             const std::string& prefix) {
  FieldViolations v;
  CheckTimes(v, booking.start_time(), booking.end_time(), now, prefix);
  if (!booking.venue().empty() && VenueId(booking.venue(), tenant).empty()) {
    v.Add(prefix + ".venue", "must be tenants/{tenant}/venues/{venue} in your tenant");
  }
  CheckRemoteJoin(v, booking.remote_join(), prefix + ".remote_join");
  if (booking.venue().empty() && booking.remote_join().url().empty() &&
      booking.remote_join().dial_in_number().empty()) {
    v.Add(prefix + ".venue", "give a venue, or a way to join remotely, or both");
  }
  return v.ToStatus("the booking is malformed");
}

absl::Status ValidateProposedSlots(const v1::ProposeSlotsRequest& req, const std::string& tenant,
                                   absl::Time now) {
  FieldViolations v;
  if (req.slots_size() < 1 || req.slots_size() > 2000) v.Add("slots", "give 1-2,000 slots");
  std::optional<absl::Time> earliest;
  for (int i = 0; i < req.slots_size() && i < 2000; ++i) {
    const v1::Slot& slot = req.slots(i);
    const std::string field = absl::StrCat("slots[", i, "]");
    CheckTimes(v, slot.start_time(), slot.end_time(), now, field);
    if (!slot.venue().empty() && VenueId(slot.venue(), tenant).empty()) {
      v.Add(field + ".venue", "must be tenants/{tenant}/venues/{venue} in your tenant");
    }
    if (slot.venue().empty() && !slot.remote_available()) {
      v.Add(field + ".venue", "give a venue, or remote_available, or both");
    }
    if (IsSet(slot.start_time()) && IsValidTimestamp(slot.start_time())) {
      const absl::Time start = ToAbslTime(slot.start_time());
      if (!earliest || start < *earliest) earliest = start;
    }
  }
  if (req.has_availability_deadline()) {
    const absl::Time deadline = ToAbslTime(req.availability_deadline());
    if (!IsValidTimestamp(req.availability_deadline()) || deadline <= now ||
        (earliest && deadline > *earliest)) {
      v.Add("availability_deadline", "must be in the future and before the earliest slot");
    }
  }
  return v.ToStatus("the proposed slots are malformed");
}

}  // namespace fgc::scheduling
