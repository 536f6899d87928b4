// What every stage move shares: the context it is made in, the StageTransition it leaves on
// the conference, and the FAILED_PRECONDITION answers the moves give.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/conference.pb.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// What a move needs from outside the conference record.
struct MoveContext {
  v1::Actor actor;  // who asks: subject, role and agency from their credentials
  absl::Time now;   // the record time, and the instant timescales are judged at
};

// Appends the StageTransition (from the current stage to `to`, occurring at `occur`, recorded
// at context.now by context.actor, with `reason` and `ledger_entry`), moves the stage, sets
// update_time and recomputes the timescales at context.now.
void RecordMove(v1::Stage to, absl::Time occur, std::string_view reason,
                std::string_view ledger_entry, const MoveContext& context,
                const TimescaleConfig& config, v1::Conference* conference);

// STAGE_TRANSITION_NOT_ALLOWED naming the current stage and why.
absl::Status StageRefused(const v1::Conference& conference, std::string description);
// CONFERENCE_CLOSED.
absl::Status ConferenceClosed(const v1::Conference& conference);
// COORDINATOR_REQUIRED, saying what needs one.
absl::Status CoordinatorRequired(const v1::Conference& conference, std::string_view why);

}  // namespace fgc::scheduling
