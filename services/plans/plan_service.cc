#include "services/plans/plan_service.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/proto_time.h"
#include "common/server/actor.h"
#include "common/server/peer_calls.h"
#include "common/server/request_hash.h"
#include "services/plans/domain/plan_content_rules.h"
#include "services/plans/domain/plan_rules.h"
#include "services/plans/plan_peers.h"

namespace fgc::plans {
namespace {

using server::Caller;

const google::protobuf::ServiceDescriptor* Descriptor() {
  return v1::GetPlanRequest::descriptor()->file()->FindServiceByName("PlanService");
}

absl::Status ConferenceClosed(const v1::Conference& conference) {
  return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                            {{"fgc.v1.Conference", conference.name(), "closed"}});
}

// A retried request's first response, as stored.
absl::Status Replay(const std::string& stored, google::protobuf::Message& resp) {
  if (!resp.ParseFromString(stored)) {
    return absl::DataLossError("a stored plan response does not parse");
  }
  return absl::OkStatus();
}

absl::Status CheckEtag(const std::string& etag, const v1::Plan& plan) {
  if (!etag.empty() && etag != plan.etag()) {
    return WithDetails(absl::AbortedError("the plan changed since you read it"),
                       {.reason = "ETAG_MISMATCH"});
  }
  return absl::OkStatus();
}

ContentContext ContextOf(const v1::Conference& conference) {
  ContentContext context;
  context.conference = conference.name();
  for (const v1::BottomLine& line : conference.referral().bottom_lines()) {
    context.bottom_line_ids.insert(line.bottom_line_id());
  }
  return context;
}

}  // namespace

PlanService::PlanService(const server::RequestGuard* guard, db::Pool* pool,
                         server::PeerChannels* peers, std::unique_ptr<crypto::KeyEncryptionKey> kek)
    : GuardedService(Descriptor(), guard),
      pool_(pool),
      peers_(peers),
      kek_(std::move(kek)),
      store_(pool, kek_.get()) {
  RegisterHandlers();
}

#define FGC_PLAN_HANDLER(Method)                     \
  Handle<v1::Method##Request, v1::Method##Response>( \
      #Method,                                       \
      [this](const Caller& c, const auto& req, auto& resp) { return Method(c, req, resp); })

void PlanService::RegisterHandlers() {
  FGC_PLAN_HANDLER(CreatePlan);
  FGC_PLAN_HANDLER(GetPlan);
  FGC_PLAN_HANDLER(UpdatePlanDraft);
  FGC_PLAN_HANDLER(SubmitPlan);
  FGC_PLAN_HANDLER(GetPlanVersion);
  FGC_PLAN_HANDLER(ListPlanVersions);
  FGC_PLAN_HANDLER(DiffPlanVersions);
  FGC_PLAN_HANDLER(RecordDecision);
  FGC_PLAN_HANDLER(RecordReferrerDecision);
  FGC_PLAN_HANDLER(RequestResource);
  FGC_PLAN_HANDLER(DecideResource);
  FGC_PLAN_HANDLER(RecordProgress);
  FGC_PLAN_HANDLER(DistributePlan);
  FGC_PLAN_HANDLER(GetMyPlan);
}

#undef FGC_PLAN_HANDLER

absl::StatusOr<PlanService::Loaded> PlanService::Load(const Caller& caller,
                                                      const std::string& plan_name,
                                                      const char* field) {
  const auto parsed = ParsePlanName(plan_name, caller.tenant);
  if (!parsed) {
    return FieldError(field, "must be tenants/{tenant}/conferences/{conference}/plans/{plan}");
  }
  auto conference = server::ConferenceForCaller(*peers_, caller, parsed->conference, field);
  if (!conference.ok()) return conference.status();
  auto aggregate = store_.Get(caller.tenant, parsed->plan);
  if (!aggregate.ok()) return aggregate.status();
  return Loaded{*std::move(aggregate), *std::move(conference), absl::Now()};
}

absl::Status PlanService::SaveAndRespond(const std::string& tenant, PlanAggregate aggregate,
                                         const std::set<int>& changed_versions,
                                         const db::RequestKey& key, const RespondFn& respond,
                                         google::protobuf::Message& resp) {
  auto bytes = store_.Save(tenant, std::move(aggregate), changed_versions, key,
                           [&](const PlanAggregate& stored) {
                             std::unique_ptr<google::protobuf::Message> out(resp.New());
                             respond(stored, *out);
                             return out->SerializeAsString();
                           });
  if (!bytes.ok()) return bytes.status();
  return Replay(*bytes, resp);
}

absl::Status PlanService::ChangePlan(const Caller& caller, const std::string& plan_name,
                                     const char* field, const char* method,
                                     const google::protobuf::Message& req,
                                     const std::string& request_id, const ChangeFn& change,
                                     const RespondFn& respond, google::protobuf::Message& resp) {
  auto key = server::RequestKeyOf(request_id, method, req);
  if (!key.ok()) return key.status();
  auto loaded = Load(caller, plan_name, field);
  if (!loaded.ok()) return loaded.status();
  auto replayed = store_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) return Replay(**replayed, resp);
  std::set<int> changed;
  if (absl::Status s = change(*loaded, *key, changed); !s.ok()) return s;
  *loaded->aggregate.plan.mutable_update_time() = ToTimestamp(loaded->now);
  return SaveAndRespond(caller.tenant, std::move(loaded->aggregate), changed, *key, respond, resp);
}

absl::Status PlanService::CreatePlan(const Caller& caller, const v1::CreatePlanRequest& req,
                                     v1::CreatePlanResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "CreatePlan", req);
  if (!key.ok()) return key.status();
  const std::string id = req.plan_id().empty() ? "plan" : req.plan_id();
  if (!IsValidResourceId(id)) {
    return FieldError("plan_id",
                      "1-63 lower-case letters, digits and hyphens, starting with a letter");
  }
  const std::string name = absl::StrCat(req.parent(), "/plans/", id);
  if (!ParsePlanName(name, caller.tenant)) {
    return FieldError("parent",
                      "must be a conference of your tenant, "
                      "tenants/{tenant}/conferences/{conference}");
  }
  auto conference = server::ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  auto replayed = store_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) return Replay(**replayed, resp);
  if (conference->stage() == v1::STAGE_CLOSED) return ConferenceClosed(*conference);
  auto existing = store_.OfConference(caller.tenant, req.parent());
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return AlreadyExists("fgc.v1.Plan", (*existing)->plan.name(),
                         "the conference has a plan already: one plan per conference");
  }
  PlanAggregate aggregate;
  v1::Plan& plan = aggregate.plan;
  *plan.mutable_draft() = req.plan().draft();
  AssignItemIds(*plan.mutable_draft());
  if (absl::Status s = ValidateContent(plan.draft(), ContextOf(*conference), "plan.draft");
      !s.ok()) {
    return s;
  }
  plan.set_name(name);
  plan.set_state(v1::PLAN_STATE_DRAFTING);
  const absl::Time now = absl::Now();
  *plan.mutable_create_time() = ToTimestamp(now);
  *plan.mutable_update_time() = ToTimestamp(now);
  return SaveAndRespond(
      caller.tenant, std::move(aggregate), {}, *key,
      [](const PlanAggregate& stored, google::protobuf::Message& out) {
        *static_cast<v1::CreatePlanResponse&>(out).mutable_plan() = stored.plan;
      },
      resp);
}

absl::Status PlanService::GetPlan(const Caller& caller, const v1::GetPlanRequest& req,
                                  v1::GetPlanResponse& resp) {
  auto loaded = Load(caller, req.name(), "name");
  if (!loaded.ok()) return loaded.status();
  *resp.mutable_plan() = std::move(loaded->aggregate.plan);
  return absl::OkStatus();
}

absl::Status PlanService::UpdatePlanDraft(const Caller& caller,
                                          const v1::UpdatePlanDraftRequest& req,
                                          v1::UpdatePlanDraftResponse& resp) {
  const std::vector<std::string> paths(req.update_mask().paths().begin(),
                                       req.update_mask().paths().end());
  if (absl::Status s = ValidateDraftMask(paths); !s.ok()) return s;
  return ChangePlan(
      caller, req.name(), "name", "UpdatePlanDraft", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey&, std::set<int>&) -> absl::Status {
        v1::Plan& plan = loaded.aggregate.plan;
        if (loaded.conference.stage() == v1::STAGE_CLOSED) {
          return ConferenceClosed(loaded.conference);
        }
        if (absl::Status s = CheckEtag(req.etag(), plan); !s.ok()) return s;
        if (absl::Status s = CheckDraftEditable(plan); !s.ok()) return s;
        v1::PlanContent draft = plan.draft();
        ApplyDraftMask(paths, req.draft(), draft);
        AssignItemIds(draft);
        if (absl::Status s = ValidateContent(draft, ContextOf(loaded.conference), "draft");
            !s.ok()) {
          return s;
        }
        *plan.mutable_draft() = std::move(draft);
        return absl::OkStatus();
      },
      [](const PlanAggregate& stored, google::protobuf::Message& out) {
        *static_cast<v1::UpdatePlanDraftResponse&>(out).mutable_plan() = stored.plan;
      },
      resp);
}

absl::Status PlanService::SubmitPlan(const Caller& caller, const v1::SubmitPlanRequest& req,
                                     v1::SubmitPlanResponse& resp) {
  int number = 0;
  return ChangePlan(
      caller, req.name(), "name", "SubmitPlan", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey& key, std::set<int>& changed) -> absl::Status {
        PlanAggregate& aggregate = loaded.aggregate;
        if (absl::Status s = CheckStageForSubmission(loaded.conference); !s.ok()) return s;
        if (absl::Status s = CheckEtag(req.etag(), aggregate.plan); !s.ok()) return s;
        if (absl::Status s = CheckDraftEditable(aggregate.plan); !s.ok()) return s;
        if (absl::Status s =
                ValidateForSubmission(aggregate.plan.draft(), ContextOf(loaded.conference));
            !s.ok()) {
          return s;
        }
        // A revised plan goes back before the referrer: the conference returns to
        // PLAN_AGREEMENT (on the caller's behalf; a retry repeats the move idempotently).
        if (loaded.conference.stage() == v1::STAGE_PLAN_REVISION) {
          auto moved = MoveConference(
              *peers_, caller, loaded.conference.name(), v1::STAGE_PLAN_AGREEMENT,
              "revised plan submitted",
              StepRequestId(key.request_id.empty() ? absl::StrCat(aggregate.plan.name(), "#",
                                                                  aggregate.versions.size())
                                                   : key.request_id,
                            "stage"));
          if (!moved.ok()) return moved.status();
        }
        number = static_cast<int>(aggregate.versions.size()) + 1;
        auto version = Submit(aggregate.plan, number, server::ActorOf(caller), loaded.now);
        if (!version.ok()) return version.status();
        for (v1::PlanVersion& earlier : aggregate.versions) {
          if (Supersede(earlier)) changed.insert(earlier.version_number());
        }
        aggregate.versions.push_back(*std::move(version));
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        *static_cast<v1::SubmitPlanResponse&>(out).mutable_plan_version() =
            stored.versions[number - 1];
      },
      resp);
}

}  // namespace fgc::plans
