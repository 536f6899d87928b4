#include "services/scheduling/scheduling_component.h"

#include "common/crypto/envelope.h"
#include "services/scheduling/lifecycle/timescale_config.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {

// The migrations compiled in by fgc_embed_files (services/scheduling/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent SchedulingComponent() {
  server::ServiceComponent component;
  component.name = "scheduling";
  component.grpc_name = "fgc.v1.SchedulingService";
  component.migrations = Migrations();
  component.create =
      [](const server::ServiceDeps& deps) -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
    auto timescales = ParseTimescaleConfig(deps.config->timescales);
    if (!timescales.ok()) return timescales.status();
    auto kek = crypto::LoadKeyEncryptionKey(deps.config->state_dir,
                                            deps.config->production()
                                                ? crypto::KekProvisioning::kRequireExisting
                                                : crypto::KekProvisioning::kCreateIfMissing);
    if (!kek.ok()) return kek.status();
    return std::make_unique<SchedulingService>(
        deps.guard, deps.pool, deps.peers,
        std::make_unique<crypto::KeyEncryptionKey>(*std::move(kek)), *std::move(timescales));
  };
  return component;
}

}  // namespace fgc::scheduling
