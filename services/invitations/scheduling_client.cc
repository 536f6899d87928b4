#include "services/invitations/scheduling_client.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::invitations {

namespace {

// The caller's own answer from scheduling, in this service's words.
absl::Status Translated(const grpc::Status& status, const std::string& type,
                        const std::string& name, std::string_view field) {
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return NotFound(type, name);
    case grpc::StatusCode::PERMISSION_DENIED:
      return PermissionDenied("RESOURCE_NOT_PERMITTED", status.error_message());
    case grpc::StatusCode::INVALID_ARGUMENT:
      return FieldError(field, absl::StrCat("must be the name of a ", type));
    default:
      return server::PeerUnavailable("scheduling");
  }
}

}  // namespace

absl::StatusOr<v1::Venue> VenueForCaller(server::PeerChannels& peers, const server::Caller& caller,
                                         const std::string& name) {
  auto channel = peers.Channel("fgc.v1.SchedulingService");
  if (!channel.ok()) return server::PeerUnavailable("scheduling");
  auto stub = v1::SchedulingService::NewStub(*channel);
  v1::GetVenueRequest request;
  request.set_name(name);
  v1::GetVenueResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = stub->GetVenue(context.get(), request, &response);
  if (status.ok()) return response.venue();
  return Translated(status, "fgc.v1.Venue", name, "venue");
}

}  // namespace fgc::invitations
