// CreateConference's rules for a referral (conference.proto): what a partner agency must say
// and the limits on it, and the conference a valid referral starts as.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// Checks CreateConferenceRequest.conference: urgency; time_zone (a known IANA zone); referral
// (referring_agency, referrer with display name, concerns 1-20,000 characters, at most 30
// bottom lines of 1-2,000 characters with well-formed unique ids, urgency_reason required when
// urgent, the length limits); 1-20 children (display name, a real birth date not after `now`,
// language tag); at most 20 with parental responsibility (name, relationship, at most 10
// contacts each of a known kind with a value, or an address for POST, one preferred at most).
// INVALID_ARGUMENT (INVALID_FIELD) listing every bad field by its path from the request,
// e.g. "conference.referral.concerns", "conference.children[1].display_name". Output-only
// fields are not checked. The adapter fills referring_agency from a referrer's or agency
// system's claim before calling.
absl::Status ValidateNewConference(const v1::Conference& conference, absl::Time now);

// The conference a valid referral starts as: the referral's input fields only (output-only
// fields, the coordinator and acknowledge_time dropped), `name`, STAGE_REFERRAL, create_time
// and update_time `now`, and its timescales at `now`. Child names and bottom-line ids are the
// adapter's to assign (they need fresh ids); ValidateNewConference first.
v1::Conference NewConference(const v1::Conference& requested, std::string name, absl::Time now,
                             const TimescaleConfig& config);

}  // namespace fgc::scheduling
