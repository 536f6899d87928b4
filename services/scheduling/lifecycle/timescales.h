// A conference's deadlines (DESIGN §1 timescales) judged at an instant: when each falls due,
// whether it was met, whether it is missed. Everything is worked out from the conference's own
// record (its referral time, urgency, zone, stage transitions, acknowledgement and reviews) as
// it stood at that instant, so ListOverdue's `as_of_time` answers as the case stood then.
//
// The deadlines, each present once it applies:
//  - ACKNOWLEDGE_REFERRAL: from create_time by `acknowledge`; met by acknowledge_time.
//  - HOLD_CONFERENCE: from create_time by `urgent_conference` or `standard_conference` (by
//    urgency); met when the conference first enters INFORMATION_SHARING.
//  - COMPLETE_PREPARATION: from allocation (REFERRAL -> PREPARATION) by `preparation`; met when
//    the conference first enters INFORMATION_SHARING.
//  - SET_REVIEW_DATE (when `review_date_required`): from the latest agreement (entering
//    FOLLOW_UP) by `set_review`; met by the first review scheduled since.
//  - HOLD_REVIEW: for the latest review, due at the end of its review date in the conference's
//    zone; met by its held_time.
// A deadline is missed when it is unmet and the instant is past its due time (meeting it late
// clears `missed`; the due and met times still show it was late). Closing a case stops its
// clocks: deadlines not met and not yet due when it closed no longer apply, missed ones stay on
// the record, and a closed conference is never overdue.
#pragma once

#include <vector>

#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// The deadlines that apply at `now`, in Timescale order.
std::vector<v1::Deadline> ComputeDeadlines(const v1::Conference& conference,
                                           const TimescaleConfig& config, absl::Time now);

// Recomputes `deadlines` and `overdue` at `now`.
void RefreshTimescales(const TimescaleConfig& config, absl::Time now, v1::Conference* conference);

// The deadlines missed at `now`, earliest due first; empty for a closed conference, which is
// never overdue.
std::vector<v1::Deadline> MissedDeadlines(const v1::Conference& conference,
                                          const TimescaleConfig& config, absl::Time now);

}  // namespace fgc::scheduling
