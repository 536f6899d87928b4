#include "clients/fgcctl/scheduling_requests.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"

namespace fgc::ctl {

absl::StatusOr<v1::Venue> VenueFromFlags(const VenueFlags& flags) {
  v1::Venue v;
  if (!flags.file.empty()) {
    if (absl::Status s = ReadMessageFile(flags.file, &v); !s.ok()) return s;
  }
  SetIfGiven(flags.display_name, v.mutable_display_name());
  v1::Address* address = v.mutable_address();
  for (const std::string& line : flags.address_lines) address->add_address_lines(line);
  SetIfGiven(flags.locality, address->mutable_locality());
  SetIfGiven(flags.postal_code, address->mutable_postal_code());
  SetIfGiven(flags.region, address->mutable_region_code());
  SetIfGiven(flags.time_zone, v.mutable_time_zone());
  if (flags.capacity != 0) v.set_capacity(flags.capacity);
  if (flags.neutral) v.set_neutral(true);
  for (const std::string& word : flags.features) {
    auto feature = ParseEnumWord<v1::AccessibilityFeature>(word);
    if (!feature.ok()) return FlagError("--feature", feature.status());
    v.add_accessibility_features(*feature);
  }
  SetIfGiven(flags.accessibility_notes, v.mutable_accessibility_notes());
  SetIfGiven(flags.directions, v.mutable_directions());
  return v;
}

absl::StatusOr<std::vector<v1::Slot>> SlotsFromFlags(const std::vector<std::string>& intervals,
                                                     const std::string& tenant,
                                                     const std::string& venue, bool remote) {
  std::string venue_name;
  if (!venue.empty()) {
    auto name = VenueNameArgument(tenant, venue);
    if (!name.ok()) return FlagError("--venue", name.status());
    venue_name = *name;
  }
  std::vector<v1::Slot> slots;
  for (const std::string& text : intervals) {
    auto interval = ParseInterval(text);
    if (!interval.ok()) return FlagError("--at", interval.status());
    v1::Slot& slot = slots.emplace_back();
    *slot.mutable_start_time() = interval->start;
    *slot.mutable_end_time() = interval->end;
    slot.set_venue(venue_name);
    slot.set_remote_available(remote);
  }
  return slots;
}

bool MeetingGiven(const MeetingFlags& f) {
  return !f.when.empty() || !f.venue.empty() || !f.join_url.empty() || !f.dial_in.empty() ||
         !f.join_instructions.empty();
}

absl::StatusOr<v1::Booking> BookingFromFlags(const MeetingFlags& flags, const std::string& tenant) {
  v1::Booking booking;
  if (!flags.when.empty()) {
    auto interval = ParseInterval(flags.when);
    if (!interval.ok()) return FlagError("--at", interval.status());
    *booking.mutable_start_time() = interval->start;
    *booking.mutable_end_time() = interval->end;
  }
  if (!flags.venue.empty()) {
    auto venue = VenueNameArgument(tenant, flags.venue);
    if (!venue.ok()) return FlagError("--venue", venue.status());
    booking.set_venue(*venue);
  }
  if (!flags.join_url.empty() || !flags.dial_in.empty() || !flags.join_instructions.empty()) {
    v1::RemoteJoin* join = booking.mutable_remote_join();
    join->set_url(flags.join_url);
    join->set_dial_in_number(flags.dial_in);
    join->set_instructions(flags.join_instructions);
  }
  return booking;
}

std::string TenantOf(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.size() < 2 || parts[0] != "tenants") return "";
  return parts[1];
}

absl::StatusOr<std::vector<v1::Availability>> AvailabilityFromFlags(
    const std::vector<std::string>& answers, const std::string& conference) {
  std::vector<v1::Availability> out;
  for (const std::string& text : answers) {
    auto answer = ParseAvailability(text);
    if (!answer.ok()) return FlagError("--answer", answer.status());
    auto slot = InConferenceArgument("", conference, "slots", answer->slot());
    if (!slot.ok()) return FlagError("--answer", slot.status());
    answer->set_slot(*slot);
    out.push_back(*std::move(answer));
  }
  if (out.empty()) return absl::InvalidArgumentError("--answer: give at least one SLOT=ANSWER");
  return out;
}

}  // namespace fgc::ctl
