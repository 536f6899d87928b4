#include "services/scheduling/network_notice.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::scheduling {
namespace {

absl::Status NotTold() {
  return WithDetails(
      absl::UnavailableError("the change is recorded, but the family could not be told yet: "
                             "retry with the same request_id to tell them"),
      {.reason = "SERVICE_UNAVAILABLE"});
}

// A UUID-shaped id (RFC 4122 layout, version 5 style) from the SHA-256 of `seed`.
std::string IdFrom(const std::string& seed) {
  const std::string hex = crypto::HexEncode(crypto::Sha256(seed)).substr(0, 32);
  return absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-5", hex.substr(13, 3), "-", "8",
                      hex.substr(17, 3), "-", hex.substr(20, 12));
}

}  // namespace

absl::Status TellNetwork(server::PeerChannels& peers, const server::Caller& caller,
                         const v1::Conference& conference, v1::NotificationKind kind,
                         const std::string& related_resource) {
  auto channel = peers.Channel("fgc.v1.InvitationService");
  if (!channel.ok()) return NotTold();
  auto stub = v1::InvitationService::NewStub(*channel);
  v1::SendNotificationRequest request;
  request.set_parent(conference.name());
  request.set_kind(kind);
  request.set_related_resource(related_resource);
  request.set_request_id(
      IdFrom(absl::StrCat(conference.name(), "|", conference.booking().calendar_uid(), "|",
                          conference.booking().sequence(), "|", kind, "|", related_resource)));
  v1::SendNotificationResponse response;
  auto context = server::OnBehalfOf(caller);
  const grpc::Status status = stub->SendNotification(context.get(), request, &response);
  if (status.ok()) return absl::OkStatus();
  // A closed conference or a caller who may not notify: nothing to tell, and not the change's
  // fault; anything else is the invitations service being away.
  if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION ||
      status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
    return absl::OkStatus();
  }
  return NotTold();
}

void RefreshFamilyView(server::PeerChannels& peers, const server::Caller& caller,
                       const std::string& conference) {
  auto channel = peers.Channel("fgc.v1.InvitationService");
  grpc::Status status(grpc::StatusCode::UNAVAILABLE, "no channel");
  if (channel.ok()) {
    auto stub = v1::InvitationService::NewStub(*channel);
    v1::ListInvitationsRequest request;
    request.set_parent(conference);
    request.set_page_size(1);
    v1::ListInvitationsResponse response;
    auto context = server::OnBehalfOf(caller);
    status = stub->ListInvitations(context.get(), request, &response);
  }
  if (!status.ok()) {
    log::Warn("the family's view of a conference was not refreshed",
              {{"conference", conference}, {"code", std::to_string(status.error_code())}});
  }
}

}  // namespace fgc::scheduling
