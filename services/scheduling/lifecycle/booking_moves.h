// The stage rules of the booking methods: BookConference (PREPARATION -> BOOKED, which needs a
// coordinator), CancelConference (BOOKED -> PREPARATION) and ScheduleReview (once a plan is
// agreed). The booking's times, venue and clashes are the caller's; these say whether the
// conference may move and record the move.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fgc/v1/conference.pb.h"
#include "services/scheduling/lifecycle/move_record.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// FAILED_PRECONDITION: CONFERENCE_CLOSED; STAGE_TRANSITION_NOT_ALLOWED when not in PREPARATION
// (a booked conference is moved with RescheduleConference); COORDINATOR_REQUIRED when no
// coordinator subject is set (booking reserves the coordinator's time).
absl::Status CheckBookable(const v1::Conference& conference);

// CheckBookable, then PREPARATION -> BOOKED recorded at context.now.
absl::StatusOr<v1::Conference> ApplyBooked(const v1::Conference& conference,
                                           const MoveContext& context,
                                           const TimescaleConfig& config);

// BOOKED -> PREPARATION with the reason told to the invitees. FAILED_PRECONDITION:
// CONFERENCE_CLOSED; NOT_BOOKED when the conference is not BOOKED.
absl::StatusOr<v1::Conference> ApplyBookingCancelled(const v1::Conference& conference,
                                                     std::string_view reason,
                                                     const MoveContext& context,
                                                     const TimescaleConfig& config);

// ScheduleReview's stage rule: a review follows an agreed plan (STAGE_FOLLOW_UP).
// FAILED_PRECONDITION: CONFERENCE_CLOSED; STAGE_TRANSITION_NOT_ALLOWED otherwise. After adding
// the review, the caller refreshes the timescales (RefreshTimescales) so that
// SET_REVIEW_DATE is met and HOLD_REVIEW applies.
absl::Status CheckReviewSchedulable(const v1::Conference& conference);

}  // namespace fgc::scheduling
