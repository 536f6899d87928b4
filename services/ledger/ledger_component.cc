#include "services/ledger/ledger_component.h"

#include "common/server/guarded_service.h"
#include "fgc/v1/ledger_service.pb.h"

namespace fgc::ledger {

// The migrations compiled in by fgc_embed_files (services/ledger/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent LedgerComponent() {
  server::ServiceComponent component;
  component.name = "ledger";
  component.grpc_name = "fgc.v1.LedgerService";
  component.migrations = Migrations();
  component.create = [](const server::ServiceDeps& deps) -> std::unique_ptr<grpc::Service> {
    // Every method of the contract is served and guarded; this release implements none of
    // LedgerService's behaviour yet, so each answers UNIMPLEMENTED once its caller is checked.
    return std::make_unique<server::GuardedService>(
        fgc::v1::GetEntryRequest::descriptor()->file()->FindServiceByName("LedgerService"),
        deps.guard);
  };
  return component;
}

}  // namespace fgc::ledger
