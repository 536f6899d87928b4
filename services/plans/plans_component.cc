#include "services/plans/plans_component.h"

#include "common/crypto/envelope.h"
#include "services/plans/plan_service.h"

namespace fgc::plans {

// The migrations compiled in by fgc_embed_files (services/plans/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent PlansComponent() {
  server::ServiceComponent component;
  component.name = "plans";
  component.grpc_name = "fgc.v1.PlanService";
  component.migrations = Migrations();
  component.create =
      [](const server::ServiceDeps& deps) -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
    auto kek = crypto::LoadKeyEncryptionKey(deps.config->state_dir,
                                            deps.config->production()
                                                ? crypto::KekProvisioning::kRequireExisting
                                                : crypto::KekProvisioning::kCreateIfMissing);
    if (!kek.ok()) return kek.status();
    return std::make_unique<PlanService>(
        deps.guard, deps.pool, deps.peers,
        std::make_unique<crypto::KeyEncryptionKey>(*std::move(kek)));
  };
  return component;
}

}  // namespace fgc::plans
