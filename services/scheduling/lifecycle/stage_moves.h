// Which stage moves the FGC model allows and through which method (conference.proto, `Stage`):
// the one table the lifecycle consults, so that the rules read in one place.
#pragma once

#include <string>
#include <vector>

#include "fgc/v1/conference.pb.h"

namespace fgc::scheduling {

// The method a move arrives through.
enum class MoveRoute {
  kTransitionConference,  // the general method (PlanService's decisions come this way too)
  kBookConference,        // PREPARATION -> BOOKED
  kCancelConference,      // BOOKED -> PREPARATION
};

// True when `route` may move a conference from `from` to `to`:
//   TransitionConference: REFERRAL -> PREPARATION; BOOKED -> INFORMATION_SHARING ->
//     PRIVATE_FAMILY_TIME -> PLAN_AGREEMENT -> PLAN_REVISION | FOLLOW_UP; PLAN_REVISION ->
//     PLAN_AGREEMENT; FOLLOW_UP -> INFORMATION_SHARING (a review conference); any stage but
//     CLOSED -> CLOSED.
//   BookConference: PREPARATION -> BOOKED.  CancelConference: BOOKED -> PREPARATION.
bool IsMoveAllowed(v1::Stage from, v1::Stage to, MoveRoute route);

// The stages `route` may move to from `from`, in Stage order (for error descriptions).
std::vector<v1::Stage> AllowedTargets(v1::Stage from, MoveRoute route);

// "STAGE_PREPARATION, STAGE_CLOSED", or "none".
std::string StageList(const std::vector<v1::Stage>& stages);

}  // namespace fgc::scheduling
