#include "services/invitations/invitations_component.h"

#include "common/server/guarded_service.h"
#include "fgc/v1/invitation_service.pb.h"

namespace fgc::invitations {

// The migrations compiled in by fgc_embed_files (services/invitations/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent InvitationsComponent() {
  server::ServiceComponent component;
  component.name = "invitations";
  component.grpc_name = "fgc.v1.InvitationService";
  component.migrations = Migrations();
  component.create =
      [](const server::ServiceDeps& deps) -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
    // Every method of the contract is served and guarded; this release implements none of
    // InvitationService's behaviour yet, so each answers UNIMPLEMENTED once its caller is checked.
    return std::make_unique<server::GuardedService>(
        fgc::v1::GetMyInvitationRequest::descriptor()->file()->FindServiceByName(
            "InvitationService"),
        deps.guard);
  };
  return component;
}

}  // namespace fgc::invitations
