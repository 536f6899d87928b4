// `fgcctl plan ...`: the family's plan from its first draft to an agreed, distributed plan with
// its progress: create, get, update (the draft) and submit (a new immutable version); read, list
// and compare versions; a family member's and the referrer's decisions; resources the family
// asks for and their decisions; progress on the agreed plan's items; distribution. Each Run
// function prints human text (or, with `json`, the response as protobuf JSON) and returns the
// exit code: 0 on success; 64 + the gRPC code when the call fails (details on stderr); 2 for
// unusable input.
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/plan_requests.h"

namespace fgc::ctl {

// A version given by its name, or by its number with the plan.
struct PlanVersionArgument {
  PlanArgument plan;
  std::string version;
};

struct CreatePlanOptions {
  std::string tenant;
  std::string conference;
  std::string plan_id;  // empty: the service picks one
  std::string file;     // the first draft, a PlanContent as protobuf JSON
  std::string request_id;
};

struct UpdatePlanOptions {
  PlanArgument plan;
  ChangeOptions change;  // of the draft, a PlanContent
  std::string request_id;
};

struct SubmitPlanOptions {
  PlanArgument plan;
  std::string etag;
  std::string request_id;
};

struct ListPlanVersionsOptions {
  PlanArgument plan;
  PageOptions page;
};

struct DiffPlanOptions {
  PlanVersionArgument version;
  std::string base;  // a name, or a number in the same plan
  std::string language;
};

struct MemberDecisionOptions {
  PlanVersionArgument version;
  std::string member;     // a name, or an id in the version's conference
  std::string agreement;  // agree, agree-with-reservations, disagree
  std::string reservations;
  std::string request_id;
};

struct ReferrerDecisionOptions {
  PlanVersionArgument version;
  ReferrerDecisionFlags decision;
  std::string request_id;
};

struct RequestResourceOptions {
  PlanArgument plan;
  ResourceRequestFlags request;
  std::string request_id;
};

struct DecideResourceOptions {
  PlanArgument plan;    // for a request given by its id
  std::string request;  // the resource request: a name, or an id with the plan
  ResourceDecisionFlags decision;
  std::string etag;
  std::string request_id;
};

struct RecordProgressOptions {
  PlanArgument plan;
  ProgressFlags report;
  std::string request_id;
};

struct DistributePlanOptions {
  PlanVersionArgument version;
  std::vector<std::string> professionals;  // Name <email>
  std::string request_id;
};

int RunCreatePlan(const Connection& connection, const CreatePlanOptions& options, bool json);
int RunGetPlan(const Connection& connection, const PlanArgument& options, bool json);
int RunUpdatePlan(const Connection& connection, const UpdatePlanOptions& options, bool json);
int RunSubmitPlan(const Connection& connection, const SubmitPlanOptions& options, bool json);
int RunGetPlanVersion(const Connection& connection, const PlanVersionArgument& options, bool json);
int RunListPlanVersions(const Connection& connection, const ListPlanVersionsOptions& options,
                        bool json);
int RunDiffPlanVersions(const Connection& connection, const DiffPlanOptions& options, bool json);

int RunRecordDecision(const Connection& connection, const MemberDecisionOptions& options,
                      bool json);
int RunRecordReferrerDecision(const Connection& connection, const ReferrerDecisionOptions& options,
                              bool json);
int RunRequestResource(const Connection& connection, const RequestResourceOptions& options,
                       bool json);
int RunDecideResource(const Connection& connection, const DecideResourceOptions& options,
                      bool json);
int RunRecordProgress(const Connection& connection, const RecordProgressOptions& options,
                      bool json);
int RunDistributePlan(const Connection& connection, const DistributePlanOptions& options,
                      bool json);

}  // namespace fgc::ctl
