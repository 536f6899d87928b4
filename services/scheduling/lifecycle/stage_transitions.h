// Moving a conference between stages (DESIGN §1): the checks each move needs and the record it
// leaves. Pure functions of the stored conference, the request and what the adapter fetched
// (the caller's identity, CheckConsent's verdicts, the instant); each applied move returns the
// conference with one StageTransition appended and its timescales recomputed.
//
// For TransitionConference the adapter: ValidateTransitionRequest; loads the conference (and
// checks the etag); CheckTransition; when NeedsConsent, asks LedgerService.CheckConsent once per
// child (purpose kAllocationConsentPurpose) and fails closed with UNAVAILABLE
// (LEDGER_UNAVAILABLE) when it cannot; ApplyTransition; stores the result.
#pragma once

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/lifecycle/allocation_rules.h"
#include "services/scheduling/lifecycle/move_record.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// The request's own fields, whatever the conference: INVALID_ARGUMENT (INVALID_FIELD) naming
// `stage` (required, a known Stage), `occur_time` (valid, not after `now`), `coordinator`
// (a StaffMember with a subject), `outcome` (a known ConferenceOutcome), `reason` (at most
// 2,000 characters).
absl::Status ValidateTransitionRequest(const v1::TransitionConferenceRequest& request,
                                       absl::Time now);

// Every rule of the move except consent, so that the ledger is asked only about moves that can
// otherwise happen. FAILED_PRECONDITION: CONFERENCE_CLOSED; STAGE_TRANSITION_NOT_ALLOWED (a
// move the table refuses, STAGE_BOOKED asked of TransitionConference, a review conference
// with no review scheduled, an outcome the history does not bear out); COORDINATOR_REQUIRED;
// COORDINATOR_NOT_INDEPENDENT; CLOSURE_REASON_REQUIRED. INVALID_ARGUMENT: a coordinator other
// than on allocation, an outcome other than on closing, a reason on entering or leaving private
// family time (only its start and end are recorded), an occur_time before the previous move.
absl::Status CheckTransition(const v1::Conference& conference,
                             const v1::TransitionConferenceRequest& request,
                             const MoveContext& context);

// True when the move needs CheckConsent's verdicts: REFERRAL -> PREPARATION.
bool NeedsConsent(const v1::Conference& conference, v1::Stage to);

// CheckTransition, then (when NeedsConsent) ConsentBasis over `verdicts`, then the move:
// stage, a StageTransition (from, to, occur_time = request's or now, record_time = now, the
// actor, the reason, and on allocation the ledger entry that allowed it), the coordinator on
// allocation, acknowledge_time on leaving REFERRAL if unset, outcome and closure_reason on
// closing, the latest review's held_time when a review conference begins, update_time, and
// the timescales recomputed at `now`.
absl::StatusOr<v1::Conference> ApplyTransition(const v1::Conference& conference,
                                               const v1::TransitionConferenceRequest& request,
                                               const std::vector<ConsentVerdict>& verdicts,
                                               const MoveContext& context,
                                               const TimescaleConfig& config);

}  // namespace fgc::scheduling
