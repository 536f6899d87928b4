#include "services/plans/plan_peers.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"
#include "common/server/grpc_status.h"
#include "common/server/peer_calls.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::plans {
namespace {

// A peer's answer in this service's words: its verdict on what was asked (bad request, state,
// rights, not found, a concurrent change) passes through with its details; anything else means
// it could not be asked, and the caller changes nothing.
absl::Status FromPeer(const grpc::Status& status, std::string_view service) {
  switch (status.error_code()) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::ABORTED:
      return server::FromGrpcStatus(status);
    default:
      log::Warn("a peer call failed", {{"service", std::string(service)},
                                       {"code", absl::StrCat(status.error_code())},
                                       {"message", status.error_message()}});
      return server::PeerUnavailable(service);
  }
}

template <typename Stub>
absl::StatusOr<std::unique_ptr<Stub>> StubFor(server::PeerChannels& peers,
                                              std::string_view grpc_name,
                                              std::string_view service) {
  auto channel = peers.Channel(grpc_name);
  if (!channel.ok()) return server::PeerUnavailable(service);
  return std::make_unique<Stub>(*channel);
}

std::string TenantOf(const std::string& conference) {
  return conference.substr(0, conference.find("/conferences/"));
}

}  // namespace

std::string StepRequestId(const std::string& request_id, std::string_view step) {
  return absl::StrCat("plans-", std::string(step), "-",
                      crypto::HexEncode(crypto::Sha256({request_id, "\n", step})).substr(0, 32));
}

absl::StatusOr<std::string> StepBase(const std::string& request_id) {
  if (!request_id.empty()) return request_id;
  auto bytes = crypto::RandomBytes(16);
  if (!bytes.ok()) return bytes.status();
  return crypto::HexEncode(*bytes);
}

absl::StatusOr<v1::NetworkMember> MemberForCaller(server::PeerChannels& peers,
                                                  const server::Caller& caller,
                                                  const std::string& member) {
  auto stub =
      StubFor<v1::InvitationService::Stub>(peers, "fgc.v1.InvitationService", "invitations");
  if (!stub.ok()) return stub.status();
  v1::GetNetworkMemberRequest request;
  request.set_name(member);
  v1::GetNetworkMemberResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = (*stub)->GetNetworkMember(context.get(), request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return NotFound("fgc.v1.NetworkMember", member);
  }
  if (!status.ok()) return FromPeer(status, "invitations");
  return response.member();
}

absl::StatusOr<std::vector<v1::NetworkMember>> NetworkForCaller(server::PeerChannels& peers,
                                                                const server::Caller& caller,
                                                                const std::string& conference) {
  auto stub =
      StubFor<v1::InvitationService::Stub>(peers, "fgc.v1.InvitationService", "invitations");
  if (!stub.ok()) return stub.status();
  std::vector<v1::NetworkMember> members;
  v1::ListNetworkMembersRequest request;
  request.set_parent(conference);
  request.set_page_size(500);
  do {
    v1::ListNetworkMembersResponse response;
    auto context = server::OnBehalfOf(caller);
    const grpc::Status status = (*stub)->ListNetworkMembers(context.get(), request, &response);
    if (!status.ok()) return FromPeer(status, "invitations");
    for (v1::NetworkMember& m : *response.mutable_members()) members.push_back(std::move(m));
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return members;
}

absl::Status CheckDistributionConsent(server::PeerChannels& peers, const server::Caller& caller,
                                      const v1::Conference& conference) {
  auto stub = StubFor<v1::LedgerService::Stub>(peers, "fgc.v1.LedgerService", "ledger");
  auto unavailable = [] {
    return WithDetails(absl::UnavailableError("the ledger could not say whether consent to "
                                              "distribute the plan stands; nothing changed"),
                       {.reason = "LEDGER_UNAVAILABLE"});
  };
  if (!stub.ok()) return unavailable();
  std::vector<PreconditionViolation> missing;
  for (const v1::Child& child : conference.children()) {
    v1::CheckConsentRequest request;
    request.set_parent(absl::StrCat(TenantOf(conference.name()), "/ledger"));
    request.set_conference(conference.name());
    request.set_subject(child.name());
    request.set_purpose(v1::CONSENT_PURPOSE_DISTRIBUTE_PLAN);
    v1::CheckConsentResponse response;
    auto context = server::OnBehalfOf(caller);
    const grpc::Status status = (*stub)->CheckConsent(context.get(), request, &response);
    if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
      return server::FromGrpcStatus(status);
    }
    if (!status.ok()) return unavailable();
    if (!response.allowed()) {
      missing.push_back({"CONSENT_REQUIRED", child.name(),
                         absl::StrCat("no standing consent to distribute the plan (",
                                      v1::ConsentCheckResult_Name(response.result()), ")")});
    }
  }
  if (conference.children().empty()) {
    missing.push_back({"CONSENT_REQUIRED", conference.name(), "the conference names no child"});
  }
  if (missing.empty()) return absl::OkStatus();
  return FailedPrecondition(
      "CONSENT_REQUIRED",
      "distributing the plan needs consent (CONSENT_PURPOSE_DISTRIBUTE_PLAN), "
      "or a power record in force, for every child",
      std::move(missing));
}

absl::StatusOr<v1::Conference> MoveConference(server::PeerChannels& peers,
                                              const server::Caller& caller,
                                              const std::string& conference, v1::Stage stage,
                                              const std::string& reason,
                                              const std::string& request_id) {
  auto stub = StubFor<v1::SchedulingService::Stub>(peers, "fgc.v1.SchedulingService", "scheduling");
  if (!stub.ok()) return stub.status();
  v1::TransitionConferenceRequest request;
  request.set_name(conference);
  request.set_stage(stage);
  request.set_reason(reason);
  request.set_request_id(request_id);
  v1::TransitionConferenceResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = (*stub)->TransitionConference(context.get(), request, &response);
  if (!status.ok()) return FromPeer(status, "scheduling");
  return response.conference();
}

absl::Status ScheduleReview(server::PeerChannels& peers, const server::Caller& caller,
                            const std::string& conference, const google::type::Date& review_date,
                            const std::string& plan_version, const std::string& request_id) {
  auto stub = StubFor<v1::SchedulingService::Stub>(peers, "fgc.v1.SchedulingService", "scheduling");
  if (!stub.ok()) return stub.status();
  v1::ScheduleReviewRequest request;
  request.set_name(conference);
  *request.mutable_review_date() = review_date;
  request.set_plan_version(plan_version);
  request.set_request_id(request_id);
  v1::ScheduleReviewResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = (*stub)->ScheduleReview(context.get(), request, &response);
  return status.ok() ? absl::OkStatus() : FromPeer(status, "scheduling");
}

absl::StatusOr<v1::SendNotificationResponse> NotifyPlanDistributed(
    server::PeerChannels& peers, const server::Caller& caller, const std::string& conference,
    const std::vector<std::string>& members, const std::vector<v1::StaffMember>& staff,
    const std::string& plan_version, const std::string& request_id) {
  auto stub =
      StubFor<v1::InvitationService::Stub>(peers, "fgc.v1.InvitationService", "invitations");
  if (!stub.ok()) return stub.status();
  v1::SendNotificationRequest request;
  request.set_parent(conference);
  request.set_kind(v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED);
  for (const std::string& m : members) request.add_members(m);
  for (const v1::StaffMember& s : staff) *request.add_staff_recipients() = s;
  request.set_related_resource(plan_version);
  request.set_request_id(request_id);
  // No member named means every member to SendNotification: say so when only staff are left.
  request.set_staff_only(members.empty());
  v1::SendNotificationResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = (*stub)->SendNotification(context.get(), request, &response);
  if (!status.ok()) return FromPeer(status, "invitations");
  return response;
}

}  // namespace fgc::plans
