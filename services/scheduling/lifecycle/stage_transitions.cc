#include "services/scheduling/lifecycle/stage_transitions.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/field_checks.h"
#include "services/scheduling/lifecycle/move_record.h"
#include "services/scheduling/lifecycle/stage_moves.h"

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
    return StageRefused(conference,
                        "CONFERENCE_OUTCOME_PLAN_AGREED needs a plan agreed (STAGE_FOLLOW_UP)");
  }
  if (outcome == v1::CONFERENCE_OUTCOME_PLAN_DECLINED &&
      !EverEntered(conference, v1::STAGE_PLAN_AGREEMENT)) {
    return StageRefused(
        conference,
        "CONFERENCE_OUTCOME_PLAN_DECLINED needs a plan presented (STAGE_PLAN_AGREEMENT)");
  }
  return absl::OkStatus();
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
  if (request.has_coordinator()) CheckStaff(violations, "coordinator", request.coordinator(), true);
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
  if (from == v1::STAGE_CLOSED) return ConferenceClosed(conference);
  // The referring agency moves a conference only as its decision on the plan makes it move
  // (PlanService.RecordReferrerDecision calls on its behalf); every other move is the FGC
  // service's.
  const v1::ActorRole role = context.actor.role();
  if ((role == v1::ACTOR_ROLE_REFERRER || role == v1::ACTOR_ROLE_AGENCY_SYSTEM) &&
      !(from == v1::STAGE_PLAN_AGREEMENT &&
        (to == v1::STAGE_FOLLOW_UP || to == v1::STAGE_PLAN_REVISION))) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "the referring agency moves a conference only from PLAN_AGREEMENT, "
                            "by its decision on the plan");
  }
  if (to == v1::STAGE_BOOKED)
    return StageRefused(conference, "STAGE_BOOKED is reached only through BookConference");
  if (from == v1::STAGE_BOOKED && to == v1::STAGE_PREPARATION) {
    return StageRefused(conference, "a booking is undone only through CancelConference");
  }
  if (!IsMoveAllowed(from, to, MoveRoute::kTransitionConference)) {
    return StageRefused(
        conference,
        absl::StrCat("from ", v1::Stage_Name(from), " TransitionConference moves to: ",
                     StageList(AllowedTargets(from, MoveRoute::kTransitionConference))));
  }
  if (absl::Status status = CheckFieldsFitMove(conference, request); !status.ok()) return status;
  if (IsAllocation(from, to)) return CheckAllocation(conference, request, context);
  if (to == v1::STAGE_CLOSED) return CheckClosing(conference, request);
  if (from == v1::STAGE_FOLLOW_UP && !HasUnheldReview(conference)) {
    return StageRefused(
        conference, "a review conference begins only once a review is scheduled (ScheduleReview)");
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

}  // namespace fgc::scheduling
