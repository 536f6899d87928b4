// The shapes CreateVenue, BookConference and RescheduleConference accept, checked whole so a
// caller learns of every bad field at once (INVALID_ARGUMENT, INVALID_FIELD). Pure.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "fgc/v1/venue.pb.h"

namespace fgc::scheduling {

// display_name 1-200; address (1-5 lines of 1-200, region_code two capital letters); a known
// IANA time_zone; capacity 1-1,000; accessibility notes and directions at most 2,000.
absl::Status ValidateVenue(const v1::Venue& venue);

// start_time in the future, end_time after it and at most 12 hours later; venue empty or
// `tenants/{tenant}/venues/{id}`; remote_join: an https URL of at most 2,000, an E.164 number,
// instructions at most 2,000. At least a venue or a way to join remotely. Field paths begin
// with `prefix` (e.g. "booking").
absl::Status ValidateBooking(const v1::Booking& booking, const std::string& tenant, absl::Time now,
                             const std::string& prefix);

// ProposeSlots' request: 1-2,000 slots, each with times as a booking's, a venue in the tenant or
// remote_available (or both); the availability deadline, when set, in the future and before
// the earliest slot starts.
absl::Status ValidateProposedSlots(const v1::ProposeSlotsRequest& req, const std::string& tenant,
                                   absl::Time now);

// The id of `tenants/{tenant}/venues/{id}` in the caller's tenant; "" when it is not one.
std::string VenueId(const std::string& name, const std::string& tenant);

}  // namespace fgc::scheduling
