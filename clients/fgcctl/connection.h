// How fgcctl reaches fgc: the address (FGC_ADDR or --addr), the credential attached to every
// call (staff: the bearer token, FGC_TOKEN or --token; a family member: their invitation
// token), and per-call deadlines.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>

namespace fgc::ctl {

struct ConnectionOptions {
  std::string address = "127.0.0.1:50051";
  std::string token;             // bearer JWT; empty sends none
  std::string invitation_token;  // a family member's link token; empty sends none
  std::string tls_ca_file;       // when set, TLS with these roots
  std::chrono::seconds timeout{10};
};

// Fills options from the environment (FGC_ADDR, FGC_TOKEN, FGC_TLS_CA); flags override later.
ConnectionOptions ConnectionFromEnvironment();

class Connection {
 public:
  explicit Connection(ConnectionOptions options);

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

  // A context with the deadline and credentials set; one per call.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace fgc::ctl
