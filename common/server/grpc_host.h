// A running gRPC server for one or more fgc services: health per service and overall,
// reflection, keepalive, message size limits, per-call logs and metrics, mutual TLS off
// loopback, and a graceful stop. Used by `fgc serve` and by each per-service binary.
#pragma once

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::server {

struct TlsFiles {
  std::string cert_file;       // server certificate chain (PEM)
  std::string key_file;        // its private key (PEM)
  std::string client_ca_file;  // when set, clients must present a certificate it signed
};

struct GrpcHostOptions {
  std::string listen;                     // host:port; port 0 picks a free one
  TlsFiles tls;                           // empty: plaintext, allowed on loopback only
  std::vector<grpc::Service*> services;   // not owned; must outlive the host
  std::vector<std::string> health_names;  // e.g. "fgc.v1.LedgerService"
  std::shared_ptr<prometheus::Registry> metrics;
  int max_message_bytes = 4 * 1024 * 1024;
};

// True when `listen` names a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopback(std::string_view listen);

// The contents of a certificate or key file; INVALID_ARGUMENT naming `flag` when unreadable.
absl::StatusOr<std::string> ReadTlsFile(const std::string& path, std::string_view flag);

class GrpcHost final {
 public:
  // Builds and starts the server; services report NOT_SERVING until SetServing(true).
  static absl::StatusOr<std::unique_ptr<GrpcHost>> Start(GrpcHostOptions options);
  ~GrpcHost();
  GrpcHost(const GrpcHost&) = delete;
  GrpcHost& operator=(const GrpcHost&) = delete;

  // The address actually bound (the real port when 0 was asked for).
  const std::string& address() const { return address_; }
  // The running server, for in-process channels to the services it serves.
  grpc::Server* server() const { return server_.get(); }

  // Health for every service and the overall ("") entry.
  void SetServing(bool serving);

  // A channel into this server that never leaves the process (the all-in-one host's services
  // call each other through it: the same code path as over the network).
  std::shared_ptr<grpc::Channel> InProcessChannel();

  // Reports NOT_SERVING, lets calls in flight finish for up to `drain`, then cancels the rest.
  void Shutdown(absl::Duration drain);

 private:
  GrpcHost(std::unique_ptr<grpc::Server> server, std::string address,
           std::vector<std::string> health_names);

  std::unique_ptr<grpc::Server> server_;
  const std::string address_;
  const std::vector<std::string> health_names_;
  bool shut_down_ = false;
};

}  // namespace fgc::server
