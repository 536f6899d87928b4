// What the `fgcctl plan` commands send, built from their flags: the names of a plan, its
// versions and its resource requests from short ids; a change to the draft; a family member's
// and the referrer's decisions; a resource request and its decision; a progress report; and the
// professionals a plan is sent to. Pure: no calls.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/fgcctl/power_flags.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/plan.pb.h"

namespace fgc::ctl {

// A plan given by its name, or by its id with the conference (and the tenant).
struct PlanArgument {
  std::string tenant;
  std::string conference;
  std::string plan;
};

// `tenants/{tenant}/conferences/{conference}/plans/{plan}`; INVALID_ARGUMENT for a bare id
// without the conference to put it in.
absl::StatusOr<std::string> PlanNameArgument(const PlanArgument& plan);

// A version given as typed when it has a '/', else its number (1, 2, ...) below `plan`.
// INVALID_ARGUMENT for a bare value that is not a version number, or without the plan.
absl::StatusOr<std::string> PlanVersionNameArgument(const PlanArgument& plan,
                                                    const std::string& version);

// A resource request given as typed when it has a '/', else its id below `plan`.
absl::StatusOr<std::string> ResourceRequestNameArgument(const PlanArgument& plan,
                                                        const std::string& request);

// The plan a name below it belongs to: `tenants/t/conferences/c/plans/p` from
// `tenants/t/conferences/c/plans/p/versions/2`; empty when the name is not below a plan.
std::string PlanOf(const std::string& name);

// The paths `plan update --set` takes.
const std::vector<std::string>& PlanDraftSettablePaths();

struct PlanDraftChange {
  v1::PlanContent draft;           // the new values
  std::vector<std::string> paths;  // the update_mask
};

// The change from each `--set path=value` (the text fields as given; review_date YYYY-MM-DD, or
// empty to clear it) and from `file` (a PlanContent as protobuf JSON) with `mask`, whose `*`
// takes the whole draft from the file. At least one path in the end.
absl::StatusOr<PlanDraftChange> PlanDraftChangeFrom(const std::vector<std::string>& settings,
                                                    const std::string& file,
                                                    const std::string& mask);

// A family member's decision on `version` (a name): `member` a name or an id in the version's
// conference; `agreement` agree, agree-with-reservations or disagree.
absl::StatusOr<v1::MemberDecision> MemberDecisionFromFlags(const std::string& version,
                                                           const std::string& member,
                                                           const std::string& agreement,
                                                           const std::string& reservations);

struct ReferrerDecisionFlags {
  std::string outcome;  // accept, decline, more-time
  std::string reasons;
  std::string risk;           // the risk of significant harm the plan leaves
  std::string deadline;       // with more-time: until when the family may revise, RFC 3339
  std::string authorised_by;  // subject[,display name[,agency]]
  std::string comments;
  PowerFlags power;  // for a decline: the legal basis, and whether the family was told
};

absl::StatusOr<v1::ReferrerDecision> ReferrerDecisionFromFlags(const ReferrerDecisionFlags& flags,
                                                               absl::Time now);

// A resource the family asks for; `cost` ("120.50") needs its `currency` (ISO 4217).
struct ResourceRequestFlags {
  std::string description;
  std::string item_id;
  std::string cost;
  std::string currency;
  std::string provider;
};

absl::StatusOr<v1::ResourceRequest> ResourceRequestFromFlags(const ResourceRequestFlags& flags);

struct ResourceDecisionFlags {
  std::string outcome;      // agree, agree-in-part, decline
  std::string details;      // what is agreed, with agree-in-part
  std::string agreed_cost;  // "120.50", with `currency`
  std::string currency;
  std::string reasons;  // why not (in full)
  std::string decider;  // their sign-in subject, if they have one
  std::string decider_name;
  std::string decider_agency;
  std::string authority_level;  // Team manager, Resource panel, ...
  PowerFlags power;             // for a decline in full or part
};

absl::StatusOr<v1::ResourceDecision> ResourceDecisionFromFlags(const ResourceDecisionFlags& flags,
                                                               absl::Time now);

struct ProgressFlags {
  std::string item_id;
  std::string status;  // not-started, in-progress, done, not-done
  std::string reported_by;
  std::string note;
  std::string observed;  // RFC 3339 or now; empty: when it is recorded
};

absl::StatusOr<v1::ProgressReport> ProgressReportFromFlags(const ProgressFlags& flags,
                                                           absl::Time now);

// `Name <email>`: a professional a plan is sent to.
absl::StatusOr<v1::StaffMember> ParseProfessional(const std::string& text);

}  // namespace fgc::ctl
