#include "services/scheduling/lifecycle/stage_moves.h"

#include "absl/strings/str_join.h"

namespace fgc::scheduling {
namespace {

bool IsTransitionConferenceMove(v1::Stage from, v1::Stage to) {
  if (from == v1::STAGE_UNSPECIFIED || from == v1::STAGE_CLOSED) return false;
  if (to == v1::STAGE_CLOSED) return true;
  switch (from) {
    case v1::STAGE_REFERRAL:
      return to == v1::STAGE_PREPARATION;
    case v1::STAGE_BOOKED:
      return to == v1::STAGE_INFORMATION_SHARING;
    case v1::STAGE_INFORMATION_SHARING:
      return to == v1::STAGE_PRIVATE_FAMILY_TIME;
    case v1::STAGE_PRIVATE_FAMILY_TIME:
      return to == v1::STAGE_PLAN_AGREEMENT;
    case v1::STAGE_PLAN_AGREEMENT:
      return to == v1::STAGE_PLAN_REVISION || to == v1::STAGE_FOLLOW_UP;
    case v1::STAGE_PLAN_REVISION:
      return to == v1::STAGE_PLAN_AGREEMENT;
    case v1::STAGE_FOLLOW_UP:
      return to == v1::STAGE_INFORMATION_SHARING;
    default:
      return false;
  }
}

}  // namespace

bool IsMoveAllowed(v1::Stage from, v1::Stage to, MoveRoute route) {
  switch (route) {
    case MoveRoute::kTransitionConference:
      return IsTransitionConferenceMove(from, to);
    case MoveRoute::kBookConference:
      return from == v1::STAGE_PREPARATION && to == v1::STAGE_BOOKED;
    case MoveRoute::kCancelConference:
      return from == v1::STAGE_BOOKED && to == v1::STAGE_PREPARATION;
  }
  return false;
}

std::vector<v1::Stage> AllowedTargets(v1::Stage from, MoveRoute route) {
  std::vector<v1::Stage> targets;
  for (int value = v1::Stage_MIN; value <= v1::Stage_MAX; ++value) {
    if (!v1::Stage_IsValid(value)) continue;
    const auto to = static_cast<v1::Stage>(value);
    if (IsMoveAllowed(from, to, route)) targets.push_back(to);
  }
  return targets;
}

std::string StageList(const std::vector<v1::Stage>& stages) {
  if (stages.empty()) return "none";
  return absl::StrJoin(
      stages, ", ", [](std::string* out, v1::Stage stage) { out->append(v1::Stage_Name(stage)); });
}

}  // namespace fgc::scheduling
