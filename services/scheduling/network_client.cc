#include "services/scheduling/network_client.h"

#include "common/base/errors.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::scheduling {

absl::StatusOr<std::vector<v1::NetworkMember>> NetworkOf(server::PeerChannels& peers,
                                                         const server::Caller& caller,
                                                         const std::string& conference) {
  auto unavailable = [] {
    return WithDetails(absl::UnavailableError("the invitations service did not answer; retry"),
                       {.reason = "SERVICE_UNAVAILABLE"});
  };
  auto channel = peers.Channel("fgc.v1.InvitationService");
  if (!channel.ok()) return unavailable();
  auto stub = v1::InvitationService::NewStub(*channel);
  std::vector<v1::NetworkMember> members;
  v1::ListNetworkMembersRequest request;
  request.set_parent(conference);
  request.set_page_size(500);
  do {
    v1::ListNetworkMembersResponse page;
    auto context = server::OnBehalfOf(caller);
    const grpc::Status status = stub->ListNetworkMembers(context.get(), request, &page);
    if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
      return PermissionDenied("ROLE_NOT_ALLOWED", "your role may not read this network");
    }
    if (!status.ok()) return unavailable();
    for (auto& m : *page.mutable_members()) members.push_back(std::move(m));
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return members;
}

}  // namespace fgc::scheduling
