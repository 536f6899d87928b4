#include "clients/fgcctl/connection.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fgc::ctl {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

std::shared_ptr<grpc::ChannelCredentials> Credentials(const ConnectionOptions& o) {
  if (o.tls_ca_file.empty()) return grpc::InsecureChannelCredentials();
  std::ifstream in(o.tls_ca_file);
  std::ostringstream pem;
  pem << in.rdbuf();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = pem.str();
  return grpc::SslCredentials(ssl);
}

}  // namespace

ConnectionOptions ConnectionFromEnvironment() {
  ConnectionOptions o;
  o.address = EnvOr("FGC_ADDR", o.address);
  o.token = EnvOr("FGC_TOKEN", "");
  o.tls_ca_file = EnvOr("FGC_TLS_CA", "");
  return o;
}

Connection::Connection(ConnectionOptions options)
    : options_(std::move(options)),
      channel_(grpc::CreateChannel(options_.address, Credentials(options_))) {}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + options_.timeout);
  if (!options_.token.empty()) {
    context->AddMetadata("authorization", "Bearer " + options_.token);
  }
  if (!options_.invitation_token.empty()) {
    context->AddMetadata("x-fgc-invitation-token", options_.invitation_token);
  }
  return context;
}

}  // namespace fgc::ctl
