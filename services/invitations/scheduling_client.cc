#include "services/invitations/scheduling_client.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::invitations {

absl::StatusOr<v1::Conference> ConferenceForCaller(server::PeerChannels& peers,
                                                   const server::Caller& caller,
                                                   const std::string& name) {
  auto unavailable = [] {
    return WithDetails(absl::UnavailableError("the scheduling service did not answer; nothing "
                                              "changed: retry with the same request_id"),
                       {.reason = "SERVICE_UNAVAILABLE"});
  };
  auto channel = peers.Channel("fgc.v1.SchedulingService");
  if (!channel.ok()) return unavailable();
  auto stub = v1::SchedulingService::NewStub(*channel);
  v1::GetConferenceRequest request;
  request.set_name(name);
  v1::GetConferenceResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = stub->GetConference(context.get(), request, &response);
  if (status.ok()) return response.conference();
  // The caller's own answer from scheduling, in this service's words.
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return NotFound("fgc.v1.Conference", name);
    case grpc::StatusCode::PERMISSION_DENIED:
      return PermissionDenied("RESOURCE_NOT_PERMITTED", status.error_message());
    case grpc::StatusCode::INVALID_ARGUMENT:
      return FieldError("parent", "must be tenants/{tenant}/conferences/{conference}");
    default:
      return unavailable();
  }
}

}  // namespace fgc::invitations
