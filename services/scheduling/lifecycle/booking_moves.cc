#include "services/scheduling/lifecycle/booking_moves.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/scheduling/lifecycle/stage_moves.h"

namespace fgc::scheduling {

absl::Status CheckBookable(const v1::Conference& conference) {
  if (conference.stage() == v1::STAGE_CLOSED) return ConferenceClosed(conference);
  if (!IsMoveAllowed(conference.stage(), v1::STAGE_BOOKED, MoveRoute::kBookConference)) {
    return StageRefused(conference,
                        "a conference is booked from STAGE_PREPARATION (to move a booked "
                        "conference, use RescheduleConference)");
  }
  if (conference.coordinator().subject().empty()) {
    return CoordinatorRequired(conference, "booking reserves the coordinator's time");
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Conference> ApplyBooked(const v1::Conference& conference,
                                           const MoveContext& context,
                                           const TimescaleConfig& config) {
  if (absl::Status status = CheckBookable(conference); !status.ok()) return status;
  v1::Conference next = conference;
  RecordMove(v1::STAGE_BOOKED, context.now, "", "", context, config, &next);
  return next;
}

absl::StatusOr<v1::Conference> ApplyBookingCancelled(const v1::Conference& conference,
                                                     std::string_view reason,
                                                     const MoveContext& context,
                                                     const TimescaleConfig& config) {
  if (conference.stage() == v1::STAGE_CLOSED) return ConferenceClosed(conference);
  if (!IsMoveAllowed(conference.stage(), v1::STAGE_PREPARATION, MoveRoute::kCancelConference)) {
    return FailedPrecondition(
        "NOT_BOOKED", "the conference has no current booking",
        {{"NOT_BOOKED", conference.name(),
          absl::StrCat("the conference is in ", v1::Stage_Name(conference.stage()))}});
  }
  v1::Conference next = conference;
  RecordMove(v1::STAGE_PREPARATION, context.now, reason, "", context, config, &next);
  return next;
}

absl::Status CheckReviewSchedulable(const v1::Conference& conference) {
  if (conference.stage() == v1::STAGE_CLOSED) return ConferenceClosed(conference);
  if (conference.stage() != v1::STAGE_FOLLOW_UP) {
    return StageRefused(conference,
                        "a review is scheduled once the plan is agreed "
                        "(STAGE_FOLLOW_UP)");
  }
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
