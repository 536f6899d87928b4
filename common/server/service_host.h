// The host every fgc binary runs: `fgc serve` with all four services, or one service per
// binary in the split deployment. It reads the configuration, starts or connects to
// PostgreSQL, provisions and migrates each service's schema, loads keys, serves gRPC and
// metrics, and stops cleanly on SIGINT/SIGTERM.
#pragma once

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/config.h"
#include "common/base/embedded_file.h"
#include "common/db/pool.h"
#include "common/server/peer_channels.h"
#include "common/server/request_guard.h"

namespace fgc::server {

// What a service gets from its host.
struct ServiceDeps {
  db::Pool* pool;             // the service's own schema, as its own role
  const RequestGuard* guard;  // authentication and the role table
  const HostConfig* config;   // the state directory (keys) and mode
  PeerChannels* peers;        // the other fgc services, in process or over the network
};

// One fgc service as a host sees it.
struct ServiceComponent {
  std::string name;       // "scheduling": schema `scheduling`, role `fgc_scheduling`
  std::string grpc_name;  // "fgc.v1.SchedulingService", the health-check name
  std::span<const EmbeddedFile> migrations;
  // Builds the service; an error (keys that do not load, say) stops the host at start.
  std::function<absl::StatusOr<std::unique_ptr<grpc::Service>>(const ServiceDeps&)> create;
};

// Something a host serves beside gRPC (the family web): it runs from its start until it is
// destroyed, which stops it.
class SideServer {
 public:
  virtual ~SideServer() = default;
  // Where it listens, host:port (the port chosen when 0 was asked for).
  virtual std::string address() const = 0;
};

// How a host starts a side server, once its gRPC server runs (so the services it calls through
// `peers` answer); an error stops the host at start.
struct SideServerComponent {
  std::string name;  // "family-web", for the logs
  std::function<absl::StatusOr<std::unique_ptr<SideServer>>(const HostConfig&, PeerChannels&)>
      start;
};

// Runs until SIGINT/SIGTERM; returns the process exit code. `args` follow the program name
// (and subcommand); see HostConfigUsage for the flags. With no `components`, no database is
// opened or started: the host serves only its side servers (and gRPC health).
int RunServiceHost(std::string_view program, const std::vector<std::string>& args,
                   const std::vector<ServiceComponent>& components,
                   const std::vector<SideServerComponent>& side_servers = {});

}  // namespace fgc::server
