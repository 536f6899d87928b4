#include "services/invitations/invitations_component.h"

#include "common/crypto/envelope.h"
#include "services/invitations/invitation_service.h"

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
    auto kek = crypto::LoadKeyEncryptionKey(deps.config->state_dir,
                                            deps.config->production()
                                                ? crypto::KekProvisioning::kRequireExisting
                                                : crypto::KekProvisioning::kCreateIfMissing);
    if (!kek.ok()) return kek.status();
    return std::make_unique<InvitationService>(
        deps.guard, deps.pool, deps.peers,
        std::make_unique<crypto::KeyEncryptionKey>(*std::move(kek)));
  };
  return component;
}

}  // namespace fgc::invitations
