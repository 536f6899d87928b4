#include "services/scheduling/lifecycle/move_record.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/timescales.h"

namespace fgc::scheduling {

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

absl::Status StageRefused(const v1::Conference& conference, std::string description) {
  return FailedPrecondition(
      "STAGE_TRANSITION_NOT_ALLOWED",
      absl::StrCat("the conference is in ", v1::Stage_Name(conference.stage()),
                   " and cannot make this move"),
      {{"STAGE_TRANSITION_NOT_ALLOWED", conference.name(), std::move(description)}});
}

absl::Status ConferenceClosed(const v1::Conference& conference) {
  return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                            {{"CONFERENCE_CLOSED", conference.name(),
                              "nothing about a closed conference changes any more"}});
}

absl::Status CoordinatorRequired(const v1::Conference& conference, std::string_view why) {
  return FailedPrecondition("COORDINATOR_REQUIRED", "the conference has no coordinator",
                            {{"COORDINATOR_REQUIRED", conference.name(), std::string(why)}});
}

}  // namespace fgc::scheduling
