// `fgcctl plan decide | referrer-decision | resource request | resource decide | progress |
// distribute`: the decisions on a plan and what follows its agreement, each under a request id
// that a retry can reuse. A decline's ledger power record is written first by the service; the
// time the family was told, when `now`, is printed for the retry to say the same.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/plan_commands.h"
#include "clients/fgcctl/plan_text.h"
#include "fgc/v1/plan_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using Plans = v1::PlanService::Stub;

}  // namespace

int RunRecordDecision(const Connection& connection, const MemberDecisionOptions& options,
                      bool json) {
  auto name = PlanVersionNameArgument(options.version.plan, options.version.version);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  auto decision =
      MemberDecisionFromFlags(*name, options.member, options.agreement, options.reservations);
  if (!decision.ok()) return ReportUnusableInput(decision.status(), json);
  v1::RecordDecisionRequest request;
  request.set_name(*name);
  *request.mutable_decision() = *std::move(decision);
  return RunWrite(connection, &Plans::RecordDecision, request, options.request_id, json,
                  [](const v1::RecordDecisionResponse& r) {
                    return "recorded " + DescribePlanVersionDecisions(r.plan_version());
                  });
}

int RunRecordReferrerDecision(const Connection& connection, const ReferrerDecisionOptions& options,
                              bool json) {
  auto name = PlanVersionNameArgument(options.version.plan, options.version.version);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  auto decision = ReferrerDecisionFromFlags(options.decision, absl::Now());
  if (!decision.ok()) return ReportUnusableInput(decision.status(), json);
  v1::RecordReferrerDecisionRequest request;
  request.set_name(*name);
  *request.mutable_decision() = *std::move(decision);
  return RunWrite(
      connection, &Plans::RecordReferrerDecision, request, options.request_id, json,
      [](const v1::RecordReferrerDecisionResponse& r) {
        return absl::StrCat("decided ", DescribePlanVersionDecisions(r.plan_version()),
                            "the plan is now ", EnumWord(r.plan().state()), "\n");
      },
      ToldRetryFlag(options.decision.power, request.decision().family_told()));
}

int RunRequestResource(const Connection& connection, const RequestResourceOptions& options,
                       bool json) {
  auto plan = PlanNameArgument(options.plan);
  if (!plan.ok()) return ReportUnusableInput(plan.status(), json);
  auto resource = ResourceRequestFromFlags(options.request);
  if (!resource.ok()) return ReportUnusableInput(resource.status(), json);
  v1::RequestResourceRequest request;
  request.set_parent(*plan);
  *request.mutable_resource_request() = *std::move(resource);
  return RunWrite(connection, &Plans::RequestResource, request, options.request_id, json,
                  [](const v1::RequestResourceResponse& r) {
                    return "requested " + DescribeResourceRequest(r.resource_request());
                  });
}

int RunDecideResource(const Connection& connection, const DecideResourceOptions& options,
                      bool json) {
  auto name = ResourceRequestNameArgument(options.plan, options.request);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  auto decision = ResourceDecisionFromFlags(options.decision, absl::Now());
  if (!decision.ok()) return ReportUnusableInput(decision.status(), json);
  v1::DecideResourceRequest request;
  request.set_name(*name);
  *request.mutable_decision() = *std::move(decision);
  request.set_etag(options.etag);
  return RunWrite(
      connection, &Plans::DecideResource, request, options.request_id, json,
      [](const v1::DecideResourceResponse& r) {
        return "decided " + DescribeResourceRequest(r.resource_request());
      },
      ToldRetryFlag(options.decision.power, request.decision().family_told()));
}

int RunRecordProgress(const Connection& connection, const RecordProgressOptions& options,
                      bool json) {
  auto plan = PlanNameArgument(options.plan);
  if (!plan.ok()) return ReportUnusableInput(plan.status(), json);
  auto report = ProgressReportFromFlags(options.report, absl::Now());
  if (!report.ok()) return ReportUnusableInput(report.status(), json);
  v1::RecordProgressRequest request;
  request.set_name(*plan);
  *request.mutable_report() = *std::move(report);
  // A retry must say the same time `now` was on the first try.
  const std::string retry_flags = absl::AsciiStrToLower(options.report.observed) == "now"
                                      ? " --observed " + google::protobuf::util::TimeUtil::ToString(
                                                             request.report().observe_time())
                                      : "";
  return RunWrite(
      connection, &Plans::RecordProgress, request, options.request_id, json,
      [](const v1::RecordProgressResponse& r) { return "recorded " + ProgressLine(r.report()); },
      retry_flags);
}

int RunDistributePlan(const Connection& connection, const DistributePlanOptions& options,
                      bool json) {
  auto name = PlanVersionNameArgument(options.version.plan, options.version.version);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::DistributePlanRequest request;
  request.set_name(*name);
  for (const std::string& text : options.professionals) {
    auto professional = ParseProfessional(text);
    if (!professional.ok()) {
      return ReportUnusableInput(FlagError("--professional", professional.status()), json);
    }
    *request.add_professionals() = *std::move(professional);
  }
  return RunWrite(connection, &Plans::DistributePlan, request, options.request_id, json,
                  DescribeDistribution);
}

}  // namespace fgc::ctl
