#include "services/scheduling/lifecycle/stage_transitions.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/field_checks.h"
#include "services/scheduling/lifecycle/stage_moves.h"
#include "services/scheduling/lifecycle/timescales.h"

namespace fgc::scheduling {
namespace {

constexpr size_t kMaxReasonChars = 2000;

bool IsAllocation(v1::Stage from, v1::Stage to) {
  return from == v1::STAGE_REFERRAL && to == v1::STAGE_PREPARATION;
}

bool TouchesPrivateFamilyTime(v1::Stage from, v1::Stage to) {
  return to != v1::STAGE_CLOSED &&
         (from == v1::STAGE_PRIVATE_FAMILY_TIME || to == v1::STAGE_PRIVATE_FAMILY_TIME);
}

absl::Status Refused(const v1::Conference& conference, std::string description) {
  return FailedPrecondition(
      "STAGE_TRANSITION_NOT_ALLOWED",
      absl::StrCat("the conference is in ", v1::Stage_Name(conference.stage()),
                   " and cannot make this move"),
      {{"STAGE_TRANSITION_NOT_ALLOWED", conference.name(), std::move(description)}});
}

absl::Status Closed(const v1::Conference& conference) {
  return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                            {{"CONFERENCE_CLOSED", conference.name(),
                              "nothing about a closed conference changes any more"}});
}

absl::Status CoordinatorRequired(const v1::Conference& conference, std::string_view why) {
  return FailedPrecondition("COORDINATOR_REQUIRED", "the conference has no coordinator",
                            {{"COORDINATOR_REQUIRED", conference.name(), std::string(why)}});
}

// The moment of the latest recorded move (or the referral): no move may be dated before it.
absl::Time LatestMoveTime(const v1::Conference& conference) {
  absl::Time latest = ToAbslTime(conference.create_time());
  for (const v1::StageTransition& transition : conference.transitions()) {
    latest = std::max(latest, ToAbslTime(transition.occur_time()));
  }
  return latest;
}

bool EverEntered(const v1::Conference& conference, v1::Stage stage) {
  for (const v1::StageTransition& transition : conference.transitions()) {
    if (transition.to_stage() == stage) return true;
  }
  return false;
}

bool HasUnheldReview(const v1::Conference& conference) {
  for (const v1::Review& review : conference.reviews()) {
    if (!IsSet(review.held_time())) return true;
  }
  return false;
}

v1::Review* LatestUnheldReview(v1::Conference* conference) {
  for (int i = conference->reviews_size() - 1; i >= 0; --i) {
    if (!IsSet(conference->reviews(i).held_time())) return conference->mutable_reviews(i);
  }
  return nullptr;
}

// Request fields that make sense only for some moves.
absl::Status CheckFieldsFitMove(const v1::Conference& conference,
                                const v1::TransitionConferenceRequest& request) {
  const v1::Stage from = conference.stage(), to = request.stage();
  FieldViolations violations;
  if (request.has_coordinator() && !IsAllocation(from, to)) {
    violations.Add("coordinator",
                   "named only on allocation (STAGE_REFERRAL to STAGE_PREPARATION); change it "
                   "with UpdateConference");
  }
  if (request.outcome() != v1::CONFERENCE_OUTCOME_UNSPECIFIED && to != v1::STAGE_CLOSED) {
    violations.Add("outcome", "given only when moving to STAGE_CLOSED");
  }
  if (!request.reason().empty() && TouchesPrivateFamilyTime(from, to)) {
    violations.Add("reason",
                   "private family time records its start and end only, never what is said");
  }
  if (request.has_occur_time() && IsValidTimestamp(request.occur_time()) &&
      ToAbslTime(request.occur_time()) < LatestMoveTime(conference)) {
    violations.Add("occur_time", "must not be before the conference's previous move");
  }
  return violations.ToStatus("the request does not fit this move");
}

absl::Status CheckAllocation(const v1::Conference& conference,
                             const v1::TransitionConferenceRequest& request,
                             const MoveContext& context) {
  const v1::StaffMember& coordinator =
      request.has_coordinator() ? request.coordinator() : conference.coordinator();
  if (coordinator.subject().empty()) {
    return CoordinatorRequired(conference, "allocation names a coordinator (request.coordinator)");
  }
  return CheckCoordinatorIndependent(conference.referral(), coordinator, context.actor);
}

absl::Status CheckClosing(const v1::Conference& conference,
                          const v1::TransitionConferenceRequest& request) {
  const v1::ConferenceOutcome outcome = request.outcome();
  if (outcome == v1::CONFERENCE_OUTCOME_UNSPECIFIED &&
      absl::StripAsciiWhitespace(request.reason()).empty()) {
    return FailedPrecondition("CLOSURE_REASON_REQUIRED",
                              "closing a conference needs an outcome or a reason",
                              {{"CLOSURE_REASON_REQUIRED", conference.name(),
                                "give `outcome`, or `reason` in plain words"}});
  }
  if (outcome == v1::CONFERENCE_OUTCOME_PLAN_AGREED &&
      !EverEntered(conference, v1::STAGE_FOLLOW_UP)) {
    return Refused(conference,
                   "CONFERENCE_OUTCOME_PLAN_AGREED needs a plan agreed (STAGE_FOLLOW_UP)");
  }
  if (outcome == v1::CONFERENCE_OUTCOME_PLAN_DECLINED &&
      !EverEntered(conference, v1::STAGE_PLAN_AGREEMENT)) {
    return Refused(
        conference,
        "CONFERENCE_OUTCOME_PLAN_DECLINED needs a plan presented (STAGE_PLAN_AGREEMENT)");
  }
  return absl::OkStatus();
}

// Appends the move and brings the derived fields up to date.
void RecordMove(v1::Stage to, absl::Time occur, std::string_view reason,
                std::string_view ledger_entry, const MoveContext& context,
                const TimescaleConfig& config, v1::Conference* conference) {
  v1::StageTransition& transition = *conference->add_transitions();
  transition.set_from_stage(conference->stage());
  transition.set_to_stage(to);
  *transition.mutable_occur_time() = ToTimestamp(occur);
  *transition.mutable_record_time() = ToTimestamp(context.now);
  *transition.mutable_actor() = context.actor;
  transition.set_reason(std::string(reason));
  transition.set_ledger_entry(std::string(ledger_entry));
  conference->set_stage(to);
  *conference->mutable_update_time() = ToTimestamp(context.now);
  RefreshTimescales(config, context.now, conference);
}

}  // namespace

absl::Status ValidateTransitionRequest(const v1::TransitionConferenceRequest& request,
                                       absl::Time now) {
  FieldViolations violations;
  if (request.name().empty()) violations.Add("name", "required");
  if (request.stage() == v1::STAGE_UNSPECIFIED) {
    violations.Add("stage", "required");
  } else if (!v1::Stage_IsValid(request.stage())) {
    violations.Add("stage", "not a known Stage");
  }
  if (request.has_occur_time()) {
    if (!IsValidTimestamp(request.occur_time())) {
      violations.Add("occur_time", "not a valid timestamp");
    } else if (ToAbslTime(request.occur_time()) > now) {
      violations.Add("occur_time", "must not be in the future");
    }
  }
  if (request.has_coordinator()) violations.Staff("coordinator", request.coordinator(), true);
  if (!v1::ConferenceOutcome_IsValid(request.outcome())) {
    violations.Add("outcome", "not a known ConferenceOutcome");
  }
  violations.Text("reason", request.reason(), kMaxReasonChars, false, TextShape::kMultiLine);
  return violations.ToStatus("the transition request has bad fields");
}

absl::Status CheckTransition(const v1::Conference& conference,
                             const v1::TransitionConferenceRequest& request,
                             const MoveContext& context) {
  const v1::Stage from = conference.stage(), to = request.stage();
  if (from == v1::STAGE_CLOSED) return Closed(conference);
  if (to == v1::STAGE_BOOKED)
    return Refused(conference, "STAGE_BOOKED is reached only through BookConference");
  if (from == v1::STAGE_BOOKED && to == v1::STAGE_PREPARATION) {
    return Refused(conference, "a booking is undone only through CancelConference");
  }
  if (!IsMoveAllowed(from, to, MoveRoute::kTransitionConference)) {
    return Refused(conference,
                   absl::StrCat("from ", v1::Stage_Name(from), " TransitionConference moves to: ",
                                StageList(AllowedTargets(from, MoveRoute::kTransitionConference))));
  }
  if (absl::Status status = CheckFieldsFitMove(conference, request); !status.ok()) return status;
  if (IsAllocation(from, to)) return CheckAllocation(conference, request, context);
  if (to == v1::STAGE_CLOSED) return CheckClosing(conference, request);
  if (from == v1::STAGE_FOLLOW_UP && !HasUnheldReview(conference)) {
    return Refused(conference,
                   "a review conference begins only once a review is scheduled (ScheduleReview)");
  }
  return absl::OkStatus();
}

bool NeedsConsent(const v1::Conference& conference, v1::Stage to) {
  return IsAllocation(conference.stage(), to);
}

absl::StatusOr<v1::Conference> ApplyTransition(const v1::Conference& conference,
                                               const v1::TransitionConferenceRequest& request,
                                               const std::vector<ConsentVerdict>& verdicts,
                                               const MoveContext& context,
                                               const TimescaleConfig& config) {
  if (absl::Status status = CheckTransition(conference, request, context); !status.ok()) {
    return status;
  }
  const v1::Stage from = conference.stage(), to = request.stage();
  std::string ledger_entry;
  if (NeedsConsent(conference, to)) {
    absl::StatusOr<std::string> basis = ConsentBasis(conference, verdicts);
    if (!basis.ok()) return basis.status();
    ledger_entry = *std::move(basis);
  }
  const absl::Time occur =
      request.has_occur_time() ? ToAbslTime(request.occur_time()) : context.now;
  v1::Conference next = conference;
  if (IsAllocation(from, to) && request.has_coordinator()) {
    *next.mutable_coordinator() = request.coordinator();
  }
  if (from == v1::STAGE_REFERRAL && !IsSet(next.acknowledge_time())) {
    *next.mutable_acknowledge_time() = ToTimestamp(occur);
  }
  if (to == v1::STAGE_CLOSED) {
    next.set_outcome(request.outcome());
    next.set_closure_reason(request.reason());
  }
  if (from == v1::STAGE_FOLLOW_UP && to == v1::STAGE_INFORMATION_SHARING) {
    *LatestUnheldReview(&next)->mutable_held_time() = ToTimestamp(occur);
  }
  RecordMove(to, occur, request.reason(), ledger_entry, context, config, &next);
  return next;
}

absl::Status CheckBookable(const v1::Conference& conference) {
  if (conference.stage() == v1::STAGE_CLOSED) return Closed(conference);
  if (!IsMoveAllowed(conference.stage(), v1::STAGE_BOOKED, MoveRoute::kBookConference)) {
    return Refused(conference,
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
  if (conference.stage() == v1::STAGE_CLOSED) return Closed(conference);
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

}  // namespace fgc::scheduling
