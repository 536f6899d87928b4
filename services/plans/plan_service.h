// The gRPC adapter of fgc.v1.PlanService: the family's plan from draft to agreed, distributed
// and reviewed. Authentication, tenant and role checks ran before any handler (GuardedService);
// the conference itself is checked by asking SchedulingService on the caller's behalf (an agency
// sees only what it referred), and a family token is resolved by InvitationService. The rules
// live in domain/; the store is the only SQL.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>

#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "common/db/request_log.h"
#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/plan_service.pb.h"
#include "services/plans/plan_store.h"

namespace fgc::plans {

class PlanService final : public server::GuardedService {
 public:
  PlanService(const server::RequestGuard* guard, db::Pool* pool, server::PeerChannels* peers,
              std::unique_ptr<crypto::KeyEncryptionKey> kek);

 private:
  using Caller = server::Caller;
  void RegisterHandlers();

  absl::Status CreatePlan(const Caller& caller, const v1::CreatePlanRequest& req,
                          v1::CreatePlanResponse& resp);
  absl::Status GetPlan(const Caller& caller, const v1::GetPlanRequest& req,
                       v1::GetPlanResponse& resp);
  absl::Status UpdatePlanDraft(const Caller& caller, const v1::UpdatePlanDraftRequest& req,
                               v1::UpdatePlanDraftResponse& resp);
  absl::Status SubmitPlan(const Caller& caller, const v1::SubmitPlanRequest& req,
                          v1::SubmitPlanResponse& resp);
  absl::Status GetPlanVersion(const Caller& caller, const v1::GetPlanVersionRequest& req,
                              v1::GetPlanVersionResponse& resp);
  absl::Status ListPlanVersions(const Caller& caller, const v1::ListPlanVersionsRequest& req,
                                v1::ListPlanVersionsResponse& resp);
  absl::Status DiffPlanVersions(const Caller& caller, const v1::DiffPlanVersionsRequest& req,
                                v1::DiffPlanVersionsResponse& resp);
  absl::Status RecordDecision(const Caller& caller, const v1::RecordDecisionRequest& req,
                              v1::RecordDecisionResponse& resp);
  absl::Status RecordReferrerDecision(const Caller& caller,
                                      const v1::RecordReferrerDecisionRequest& req,
                                      v1::RecordReferrerDecisionResponse& resp);
  absl::Status RequestResource(const Caller& caller, const v1::RequestResourceRequest& req,
                               v1::RequestResourceResponse& resp);
  absl::Status DecideResource(const Caller& caller, const v1::DecideResourceRequest& req,
                              v1::DecideResourceResponse& resp);
  absl::Status RecordProgress(const Caller& caller, const v1::RecordProgressRequest& req,
                              v1::RecordProgressResponse& resp);
  absl::Status DistributePlan(const Caller& caller, const v1::DistributePlanRequest& req,
                              v1::DistributePlanResponse& resp);
  absl::Status GetMyPlan(const Caller& caller, const v1::GetMyPlanRequest& req,
                         v1::GetMyPlanResponse& resp);

  // A plan as read for a change: the aggregate, the conference as the caller may see it, and
  // the time the change happens.
  struct Loaded {
    PlanAggregate aggregate;
    v1::Conference conference;
    absl::Time now;
  };
  // The plan named by `plan_name` (field `field`) and its conference, once scheduling confirms
  // the caller may see it. NOT_FOUND when the plan does not exist.
  absl::StatusOr<Loaded> Load(const Caller& caller, const std::string& plan_name,
                              const char* field);

  // The one shape of every change (like scheduling's ChangeConference): the request's key, the
  // plan and its conference loaded and checked, a replay answered from the request log, then
  // `change` (which edits the aggregate and names the versions it changed; it may call other
  // services first, fail closed) and the save, whose response `respond` makes from what was
  // stored. `resp` gets the response, new or replayed.
  using ChangeFn = std::function<absl::Status(Loaded& loaded, const db::RequestKey& key,
                                              std::set<int>& changed_versions)>;
  using RespondFn =
      std::function<void(const PlanAggregate& stored, google::protobuf::Message& response)>;
  absl::Status ChangePlan(const Caller& caller, const std::string& plan_name, const char* field,
                          const char* method, const google::protobuf::Message& req,
                          const std::string& request_id, const ChangeFn& change,
                          const RespondFn& respond, google::protobuf::Message& resp);
  // Saves `aggregate` with the response `respond` makes, into `resp` (new or replayed).
  absl::Status SaveAndRespond(const std::string& tenant, PlanAggregate aggregate,
                              const std::set<int>& changed_versions, const db::RequestKey& key,
                              const RespondFn& respond, google::protobuf::Message& resp);

  db::Pool* const pool_;
  server::PeerChannels* const peers_;
  const std::unique_ptr<crypto::KeyEncryptionKey> kek_;
  PlanStore store_;
};

}  // namespace fgc::plans
