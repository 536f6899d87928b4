// The family's plan as a coordinator or a referrer reads it: the plan with its draft, versions,
// resource requests and progress; a version with everyone's decisions and who it went to; one
// line per version for lists; what changed between two versions; and the pieces the plan's
// write commands print.
#pragma once

#include <string>

#include "fgc/v1/plan.pb.h"
#include "fgc/v1/plan_service.pb.h"

namespace fgc::ctl {

// What a plan says: the family's words, each item (id, what, who, when, by when, how they will
// know, the bottom lines it serves), the contingency, the monitoring, how each bottom line is
// addressed, the review date and the language. Lines indented two spaces.
std::string DescribePlanContent(const v1::PlanContent& content);

// A heading with the plan's name and state; its latest and agreed versions, revision deadline
// and etag; then its draft, its resource requests and its progress.
std::string DescribePlan(const v1::Plan& plan);

// A heading with the version's name, number and state; who submitted it; the plan as
// submitted; each member's decision; the referrer's decision; to whom it went.
std::string DescribePlanVersion(const v1::PlanVersion& version);
// The same without the plan itself, for what a decision changed.
std::string DescribePlanVersionDecisions(const v1::PlanVersion& version);

std::string PlanVersionSummaryHeading();
// One tab-separated line: name, number, state, submitted, the members' decisions counted
// ("agree 2, disagree 1"), the referrer's outcome.
std::string PlanVersionSummaryLine(const v1::PlanVersion& version);

// The differences one a line: the service's summary, else each change's description; a line
// saying so when the versions say the same.
std::string DescribePlanDiff(const v1::DiffPlanVersionsResponse& diff);

// A heading with the request's name and state, what is asked for, and any decision with its
// reasons, legal basis and telling.
std::string DescribeResourceRequest(const v1::ResourceRequest& request);

// "nan-school  in-progress  2025-03-01T09:00:00Z  Nan: collected Sam every day this week".
std::string ProgressLine(const v1::ProgressReport& report);

// The version distributed, each recipient, and the members not reached, who must be given the
// plan another way.
std::string DescribeDistribution(const v1::DistributePlanResponse& response);

}  // namespace fgc::ctl
