// UpdateConference's rules as a pure function: which paths an update_mask may name, who may
// change what (an agency amends its referral; only the FGC service allocates a coordinator or
// records the acknowledgement), and the conference as it would be afterwards, validated whole.
#pragma once

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/scheduling_service.pb.h"

namespace fgc::scheduling {

// `current` with the fields of `req.update_mask` taken from `req.conference`. INVALID_ARGUMENT
// for a missing or unknown path, `*`, or a value ValidateNewConference refuses; ABORTED
// (ETAG_MISMATCH) when an etag is sent and is not current; PERMISSION_DENIED when an agency
// (`agency_caller`) names `coordinator` or `acknowledge_time`; FAILED_PRECONDITION when the
// conference is closed or the new coordinator is not independent.
absl::StatusOr<v1::Conference> ApplyConferenceUpdate(const v1::Conference& current,
                                                     const v1::UpdateConferenceRequest& req,
                                                     const v1::Actor& actor, bool agency_caller,
                                                     absl::Time now);

}  // namespace fgc::scheduling
