#include "services/scheduling/scheduling_component.h"

#include "common/server/guarded_service.h"
#include "fgc/v1/scheduling_service.pb.h"

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
    // Every method of the contract is served and guarded; this release implements none of
    // SchedulingService's behaviour yet, so each answers UNIMPLEMENTED once its caller is checked.
    return std::make_unique<server::GuardedService>(
        fgc::v1::GetConferenceRequest::descriptor()->file()->FindServiceByName("SchedulingService"),
        deps.guard);
  };
  return component;
}

}  // namespace fgc::scheduling
