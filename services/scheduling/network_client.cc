#include "services/scheduling/network_client.h"

#include <algorithm>

#include "common/base/errors.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::scheduling {

namespace {

absl::Status Unavailable() {
  return WithDetails(absl::UnavailableError("the invitations service did not answer; retry"),
                     {.reason = "SERVICE_UNAVAILABLE"});
}

}  // namespace

absl::StatusOr<std::vector<v1::NetworkMember>> NetworkOf(server::PeerChannels& peers,
                                                         const server::Caller& caller,
                                                         const std::string& conference) {
  auto channel = peers.Channel("fgc.v1.InvitationService");
  if (!channel.ok()) return Unavailable();
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
    if (!status.ok()) return Unavailable();
    for (auto& m : *page.mutable_members()) members.push_back(std::move(m));
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return members;
}

absl::StatusOr<std::pair<v1::NetworkMember, v1::Invitation>> InviteeOf(
    server::PeerChannels& peers, const server::Caller& caller, const std::string& conference,
    const std::string& member) {
  auto network = NetworkOf(peers, caller, conference);
  if (!network.ok()) return network.status();
  const auto found = std::find_if(network->begin(), network->end(),
                                  [&](const v1::NetworkMember& m) { return m.name() == member; });
  if (found == network->end()) return NotFound("fgc.v1.NetworkMember", member);
  std::pair<v1::NetworkMember, v1::Invitation> out{*found, v1::Invitation()};
  if (found->invitation().empty()) return out;
  auto channel = peers.Channel("fgc.v1.InvitationService");
  if (!channel.ok()) return Unavailable();
  auto stub = v1::InvitationService::NewStub(*channel);
  v1::GetInvitationRequest request;
  request.set_name(found->invitation());
  v1::GetInvitationResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = stub->GetInvitation(context.get(), request, &response);
  if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
    return PermissionDenied("ROLE_NOT_ALLOWED", "your role may not read this invitation");
  }
  if (!status.ok()) return Unavailable();
  out.second = response.invitation();
  return out;
}

}  // namespace fgc::scheduling
