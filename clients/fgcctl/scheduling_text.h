// Venues, candidate slots, suggestions, bookings, reviews and overdue conferences as a
// coordinator reads them: in full, or one line each for lists.
#pragma once

#include <string>

#include "fgc/v1/conference.pb.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "fgc/v1/slot.pb.h"
#include "fgc/v1/venue.pb.h"

namespace fgc::ctl {

std::string DescribeVenue(const v1::Venue& venue);
std::string VenueSummaryHeading();
// One tab-separated line: name, display name, capacity, neutral, time zone.
std::string VenueSummaryLine(const v1::Venue& venue);

std::string SlotSummaryHeading();
// One tab-separated line: name, start, end, venue, remote, and the answers counted
// ("yes 3, if-need-be 1, no 2").
std::string SlotSummaryLine(const v1::Slot& slot);

// Each answer: "slot  yes (remote)".
std::string DescribeAvailability(const v1::Availability& availability);
// "recorded N answers" and each answer now recorded.
std::string DescribeRecordedAvailability(const v1::RecordAvailabilityResponse& response);
// What follows a list of slots: the deadline for answers and the conference's time zone.
std::string SlotListFooter(const v1::ListSlotsResponse& response);
// The slots just proposed, and the deadline now in force.
std::string DescribeProposedSlots(const v1::ProposeSlotsResponse& response);

// Rank by rank: the slot, the score, who can come and how, the explanation, who is missing.
std::string DescribeSuggestions(const v1::SuggestSlotsResponse& response);

// The meeting: when, where, how to join remotely, its calendar UID and SEQUENCE, its state.
std::string DescribeBooking(const v1::Booking& booking);
std::string DescribeReview(const v1::Review& review);

std::string OverdueSummaryHeading();
// One tab-separated line: name, stage, coordinator, and each missed timescale with its due time.
std::string OverdueSummaryLine(const v1::OverdueConference& overdue);

}  // namespace fgc::ctl
