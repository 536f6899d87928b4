#include "services/plans/plans_component.h"

#include "common/server/guarded_service.h"
#include "fgc/v1/plan_service.pb.h"

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
    // Every method of the contract is served and guarded; this release implements none of
    // PlanService's behaviour yet, so each answers UNIMPLEMENTED once its caller is checked.
    return std::make_unique<server::GuardedService>(
        fgc::v1::GetPlanRequest::descriptor()->file()->FindServiceByName("PlanService"),
        deps.guard);
  };
  return component;
}

}  // namespace fgc::plans
