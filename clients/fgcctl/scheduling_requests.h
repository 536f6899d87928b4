// What the scheduling commands send, built from their flags: a venue, candidate slots, a
// meeting to book, and an availability answer per slot. Pure: no calls.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/slot.pb.h"
#include "fgc/v1/venue.pb.h"

namespace fgc::ctl {

// A venue from flags, on top of an optional protobuf JSON file.
struct VenueFlags {
  std::string file;  // a Venue as protobuf JSON; the flags below fill in on top
  std::string display_name;
  std::vector<std::string> address_lines;
  std::string locality;
  std::string postal_code;
  std::string region;  // CLDR region code, e.g. GB
  std::string time_zone;
  int capacity = 0;
  bool neutral = false;
  std::vector<std::string> features;  // step-free-access, hearing-loop, ...
  std::string accessibility_notes;
  std::string directions;
};

absl::StatusOr<v1::Venue> VenueFromFlags(const VenueFlags& flags);

// Candidate slots, one per `START/END` or `START/DURATION`, each at `venue` (a name, or an id in
// `tenant`; empty for remote only) and open to remote joining when `remote`.
absl::StatusOr<std::vector<v1::Slot>> SlotsFromFlags(const std::vector<std::string>& intervals,
                                                     const std::string& tenant,
                                                     const std::string& venue, bool remote);

// A meeting to book, reschedule to, or hold a review at.
struct MeetingFlags {
  std::string when;   // START/END or START/DURATION; empty when booking a proposed slot
  std::string venue;  // a name, or an id in the conference's tenant
  std::string join_url;
  std::string dial_in;  // E.164
  std::string join_instructions;
};

bool MeetingGiven(const MeetingFlags& flags);

// The Booking for `flags`; the venue's bare id is taken to be in `tenant`.
absl::StatusOr<v1::Booking> BookingFromFlags(const MeetingFlags& flags, const std::string& tenant);

// The tenant of a resource name: "t" for `tenants/t/...`; empty otherwise.
std::string TenantOf(const std::string& name);

// One answer per `SLOT=ANSWER[:MODE]`, each slot's bare id taken to be in `conference`.
absl::StatusOr<std::vector<v1::Availability>> AvailabilityFromFlags(
    const std::vector<std::string>& answers, const std::string& conference);

}  // namespace fgc::ctl
