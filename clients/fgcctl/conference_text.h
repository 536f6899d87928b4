// How fgcctl reads conference arguments and shows conferences to a person: conference names
// from short ids, stages and outcomes from the words a coordinator types, and a conference as
// plain text (its stage, people, deadlines and moves) or as one line of a list.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "fgc/v1/conference.pb.h"

namespace fgc::ctl {

// `tenants/{tenant}/conferences/{argument}` for a bare id; a name with a '/' as given.
// INVALID_ARGUMENT for a bare id without a tenant.
absl::StatusOr<std::string> ConferenceNameArgument(const std::string& tenant,
                                                   const std::string& argument);

// A stage from "preparation", "private-family-time", "private_family_time" or
// "STAGE_PRIVATE_FAMILY_TIME"; INVALID_ARGUMENT listing the words accepted.
absl::StatusOr<v1::Stage> ParseStage(const std::string& word);
absl::StatusOr<v1::ConferenceOutcome> ParseOutcome(const std::string& word);
absl::StatusOr<v1::Urgency> ParseUrgency(const std::string& word);

// The word a person reads and types back: "private-family-time" for STAGE_PRIVATE_FAMILY_TIME.
std::string StageWord(v1::Stage stage);

// A conference for a person: a heading with its name and stage, one "label  value" line per
// field that is set, then its deadlines and its moves from stage to stage.
std::string DescribeConference(const v1::Conference& conference);

// The heading for lists: the columns of ConferenceSummaryLine.
std::string ConferenceSummaryHeading();
// One tab-separated line: name, stage, urgency, coordinator, overdue.
std::string ConferenceSummaryLine(const v1::Conference& conference);

}  // namespace fgc::ctl
