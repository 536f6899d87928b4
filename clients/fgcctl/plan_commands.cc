// `fgcctl plan create | get | update | submit | version get | version list | diff`: the draft
// and its versions. `update` sends the etag it read, so that a change someone made in between
// is reported rather than overwritten.
#include "clients/fgcctl/plan_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/plan_text.h"
#include "fgc/v1/plan_service.grpc.pb.h"

namespace fgc::ctl {
namespace {

using Plans = v1::PlanService::Stub;

std::string PlanWritten(const char* what, const v1::Plan& plan) {
  return absl::StrCat(what, " ", DescribePlan(plan));
}

}  // namespace

int RunCreatePlan(const Connection& connection, const CreatePlanOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::CreatePlanRequest request;
  request.set_parent(*conference);
  request.set_plan_id(options.plan_id);
  if (!options.file.empty()) {
    absl::Status s = ReadMessageFile(options.file, request.mutable_plan()->mutable_draft());
    if (!s.ok()) return ReportUnusableInput(s, json);
  }
  return RunWrite(connection, &Plans::CreatePlan, request, options.request_id, json,
                  [](const v1::CreatePlanResponse& r) { return PlanWritten("created", r.plan()); });
}

int RunGetPlan(const Connection& connection, const PlanArgument& options, bool json) {
  auto name = PlanNameArgument(options);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::GetPlanRequest request;
  request.set_name(*name);
  return RunRead(connection, &Plans::GetPlan, request, json,
                 [](const v1::GetPlanResponse& r) { return DescribePlan(r.plan()); });
}

int RunUpdatePlan(const Connection& connection, const UpdatePlanOptions& options, bool json) {
  auto name = PlanNameArgument(options.plan);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  const ChangeOptions& given = options.change;
  auto change = PlanDraftChangeFrom(given.settings, given.file, given.mask);
  if (!change.ok()) return ReportUnusableInput(change.status(), json);
  std::string etag = given.etag;
  auto etag_of = [](const v1::GetPlanResponse& r) { return r.plan().etag(); };
  if (int code = EtagOrCurrent(connection, &Plans::GetPlan, *name, etag_of, &etag, json)) {
    return code;
  }
  v1::UpdatePlanDraftRequest request;
  request.set_name(*name);
  *request.mutable_draft() = std::move(change->draft);
  for (const std::string& path : change->paths) request.mutable_update_mask()->add_paths(path);
  request.set_etag(etag);
  return RunWrite(
      connection, &Plans::UpdatePlanDraft, request, options.request_id, json,
      [](const v1::UpdatePlanDraftResponse& r) { return PlanWritten("updated", r.plan()); },
      " --etag " + etag);
}

int RunSubmitPlan(const Connection& connection, const SubmitPlanOptions& options, bool json) {
  auto name = PlanNameArgument(options.plan);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::SubmitPlanRequest request;
  request.set_name(*name);
  request.set_etag(options.etag);
  return RunWrite(connection, &Plans::SubmitPlan, request, options.request_id, json,
                  [](const v1::SubmitPlanResponse& r) {
                    return absl::StrCat("submitted ", DescribePlanVersion(r.plan_version()),
                                        "the draft is locked until the referrer decides\n");
                  });
}

int RunGetPlanVersion(const Connection& connection, const PlanVersionArgument& options, bool json) {
  auto name = PlanVersionNameArgument(options.plan, options.version);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::GetPlanVersionRequest request;
  request.set_name(*name);
  return RunRead(
      connection, &Plans::GetPlanVersion, request, json,
      [](const v1::GetPlanVersionResponse& r) { return DescribePlanVersion(r.plan_version()); });
}

int RunListPlanVersions(const Connection& connection, const ListPlanVersionsOptions& options,
                        bool json) {
  auto name = PlanNameArgument(options.plan);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::ListPlanVersionsRequest request;
  request.set_parent(*name);
  request.set_filter(options.page.filter);
  return RunList(connection, &Plans::ListPlanVersions, request, options.page, json,
                 &v1::ListPlanVersionsResponse::mutable_plan_versions, PlanVersionSummaryHeading(),
                 PlanVersionSummaryLine, {"version", "versions"});
}

int RunDiffPlanVersions(const Connection& connection, const DiffPlanOptions& options, bool json) {
  auto name = PlanVersionNameArgument(options.version.plan, options.version.version);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  // A base given by its number is a version of the same plan.
  PlanArgument base_plan = options.version.plan;
  if (base_plan.plan.empty()) base_plan.plan = PlanOf(*name);
  auto base = PlanVersionNameArgument(base_plan, options.base);
  if (!base.ok()) return ReportUnusableInput(FlagError("--base", base.status()), json);
  v1::DiffPlanVersionsRequest request;
  request.set_name(*name);
  request.set_base_version(*base);
  request.set_language_code(options.language);
  return RunRead(connection, &Plans::DiffPlanVersions, request, json, DescribePlanDiff);
}

}  // namespace fgc::ctl
