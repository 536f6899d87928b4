#include "services/ledger/ledger_component.h"

#include "services/ledger/ledger_keys.h"
#include "services/ledger/ledger_service.h"

namespace fgc::ledger {

// The migrations compiled in by fgc_embed_files (services/ledger/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent LedgerComponent() {
  server::ServiceComponent component;
  component.name = "ledger";
  component.grpc_name = "fgc.v1.LedgerService";
  component.migrations = Migrations();
  component.create =
      [](const server::ServiceDeps& deps) -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
    auto keys = LoadLedgerKeys(*deps.config);
    if (!keys.ok()) return keys.status();
    return std::make_unique<LedgerService>(deps.guard, deps.pool, deps.peers, *std::move(keys));
  };
  return component;
}

}  // namespace fgc::ledger
