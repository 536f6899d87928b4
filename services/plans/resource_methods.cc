// PlanService's resources and follow-up: what the family asks agencies to provide
// (RequestResource), the decision on it (DecideResource: a decline, in part or in full, is a use
// of power whose ledger record is written first), and progress on the agreed plan's items
// (RecordProgress).
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/proto_time.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/server/actor.h"
#include "common/server/peer_calls.h"
#include "services/plans/domain/plan_rules.h"
#include "services/plans/plan_peers.h"
#include "services/plans/plan_service.h"

namespace fgc::plans {
namespace {

using server::Caller;

absl::Status ConferenceClosed(const v1::Conference& conference) {
  return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                            {{"fgc.v1.Conference", conference.name(), "closed"}});
}

// The content a request's item_id refers to: the latest submitted version's, else the draft's.
const v1::PlanContent& CurrentContent(const PlanAggregate& aggregate) {
  return aggregate.versions.empty() ? aggregate.plan.draft() : aggregate.versions.back().content();
}

v1::ResourceRequest* FindRequest(v1::Plan& plan, const std::string& name) {
  for (v1::ResourceRequest& r : *plan.mutable_resource_requests()) {
    if (r.name() == name) return &r;
  }
  return nullptr;
}

}  // namespace

absl::Status PlanService::RequestResource(const Caller& caller,
                                          const v1::RequestResourceRequest& req,
                                          v1::RequestResourceResponse& resp) {
  std::string name;
  return ChangePlan(
      caller, req.parent(), "parent", "RequestResource", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey&, std::set<int>&) -> absl::Status {
        if (loaded.conference.stage() == v1::STAGE_CLOSED) {
          return ConferenceClosed(loaded.conference);
        }
        if (absl::Status s =
                ValidateResourceRequest(req.resource_request(), CurrentContent(loaded.aggregate));
            !s.ok()) {
          return s;
        }
        auto id = crypto::RandomBytes(6);
        if (!id.ok()) return id.status();
        v1::ResourceRequest request;
        request.set_item_id(req.resource_request().item_id());
        request.set_description(req.resource_request().description());
        if (req.resource_request().has_estimated_cost()) {
          *request.mutable_estimated_cost() = req.resource_request().estimated_cost();
        }
        request.set_provider(req.resource_request().provider());
        name = absl::StrCat(req.parent(), "/resourceRequests/r-", crypto::HexEncode(*id));
        request.set_name(name);
        request.set_state(v1::RESOURCE_REQUEST_STATE_REQUESTED);
        *request.mutable_requested_by() = server::ActorOf(caller);
        *request.mutable_create_time() = ToTimestamp(loaded.now);
        *loaded.aggregate.plan.add_resource_requests() = std::move(request);
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        v1::Plan plan = stored.plan;
        *static_cast<v1::RequestResourceResponse&>(out).mutable_resource_request() =
            *FindRequest(plan, name);
      },
      resp);
}

absl::Status PlanService::DecideResource(const Caller& caller, const v1::DecideResourceRequest& req,
                                         v1::DecideResourceResponse& resp) {
  const auto parsed = ParseResourceRequestName(req.name(), caller.tenant);
  if (!parsed) {
    return FieldError("name",
                      "must be tenants/{tenant}/conferences/{conference}/plans/{plan}/"
                      "resourceRequests/{resource_request}");
  }
  if (absl::Status s = ValidateResourceDecision(req.decision()); !s.ok()) return s;
  return ChangePlan(
      caller, parsed->plan, "name", "DecideResource", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey& key, std::set<int>&) -> absl::Status {
        v1::ResourceRequest* request = FindRequest(loaded.aggregate.plan, req.name());
        if (request == nullptr) return NotFound("fgc.v1.ResourceRequest", req.name());
        if (!req.etag().empty() && req.etag() != request->etag()) {
          return WithDetails(absl::AbortedError("the request changed since you read it"),
                             {.reason = "ETAG_MISMATCH"});
        }
        if (absl::Status s = CheckUndecided(*request); !s.ok()) return s;
        std::string ledger_entry;
        if (DeclinesResource(req.decision())) {
          auto base = StepBase(key.request_id);
          if (!base.ok()) return base.status();
          auto entry = server::RecordPowerOnBehalf(
              *peers_, caller,
              ResourceDeclineEntry(loaded.conference, *request, req.decision(), loaded.now),
              StepRequestId(*base, "ledger"));
          if (!entry.ok()) return entry.status();
          ledger_entry = entry->name();
        }
        ApplyResourceDecision(*request, req.decision(), server::ActorOf(caller), loaded.now,
                              ledger_entry);
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        v1::Plan plan = stored.plan;
        *static_cast<v1::DecideResourceResponse&>(out).mutable_resource_request() =
            *FindRequest(plan, req.name());
      },
      resp);
}

absl::Status PlanService::RecordProgress(const Caller& caller, const v1::RecordProgressRequest& req,
                                         v1::RecordProgressResponse& resp) {
  return ChangePlan(
      caller, req.name(), "name", "RecordProgress", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey&, std::set<int>&) -> absl::Status {
        const v1::PlanVersion* agreed = loaded.aggregate.Agreed();
        if (absl::Status s = ValidateProgress(req.report(), agreed, loaded.now); !s.ok()) {
          return s;
        }
        v1::ProgressReport report = req.report();
        if (!report.has_observe_time()) *report.mutable_observe_time() = ToTimestamp(loaded.now);
        report.set_plan_version(agreed->name());
        *report.mutable_record_time() = ToTimestamp(loaded.now);
        *report.mutable_recorded_by() = server::ActorOf(caller);
        *loaded.aggregate.plan.add_progress() = std::move(report);
        return absl::OkStatus();
      },
      [](const PlanAggregate& stored, google::protobuf::Message& out) {
        *static_cast<v1::RecordProgressResponse&>(out).mutable_report() =
            *stored.plan.progress().rbegin();
      },
      resp);
}

}  // namespace fgc::plans
