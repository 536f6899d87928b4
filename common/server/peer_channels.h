// How one fgc service calls another: in process, through the host's own gRPC server, when both
// run in this host (`fgc serve`); otherwise over the network at the address configured for it
// (--ledger-addr and the like). The same interceptors, guard and handlers run either way.
#pragma once

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/server/caller.h"
#include "common/server/grpc_host.h"

namespace fgc::server {

class PeerChannels {
 public:
  // `remote`: gRPC service name ("fgc.v1.LedgerService") -> host:port, for services this host
  // does not serve; `tls`: client certificate and roots for mutual TLS (empty: plaintext,
  // which only loopback addresses may use).
  PeerChannels(std::map<std::string, std::string, std::less<>> remote, TlsFiles tls);

  // Called by the host once its server runs: the services it serves are then reached in
  // process.
  void ServeLocally(grpc::Server* server, std::set<std::string, std::less<>> services);

  // A channel to `service`; UNAVAILABLE when it is neither served here nor configured.
  absl::StatusOr<std::shared_ptr<grpc::Channel>> Channel(std::string_view service);

 private:
  std::map<std::string, std::string, std::less<>> remote_;  // set in the constructor only
  const TlsFiles tls_;
  absl::Mutex mu_;
  grpc::Server* server_ ABSL_GUARDED_BY(mu_) = nullptr;
  std::set<std::string, std::less<>> local_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::shared_ptr<grpc::Channel>, std::less<>> channels_ ABSL_GUARDED_BY(mu_);
};

// A client context for a call made while serving `caller`: their credentials (bearer token or
// invitation token), the request id and their deadline travel with it, so the called service
// checks the same person's rights and gives up when they would.
std::unique_ptr<grpc::ClientContext> OnBehalfOf(const Caller& caller);

}  // namespace fgc::server
