#include "common/server/grpc_host.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/server/observability.h"

namespace fgc::server {
namespace {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const GrpcHostOptions& o) {
  if (o.tls.cert_file.empty()) {
    if (!IsLoopback(o.listen)) {
      return FailedPrecondition(
          "PLAINTEXT_OFF_LOOPBACK",
          absl::StrCat("refusing to serve plaintext gRPC on ", o.listen,
                       ": give --tls-cert, --tls-key and --tls-client-ca, or listen on loopback"));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  auto cert = ReadTlsFile(o.tls.cert_file, "--tls-cert");
  if (!cert.ok()) return cert.status();
  auto key = ReadTlsFile(o.tls.key_file, "--tls-key");
  if (!key.ok()) return key.status();
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  if (!o.tls.client_ca_file.empty()) {
    auto ca = ReadTlsFile(o.tls.client_ca_file, "--tls-client-ca");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

std::string HostPart(std::string_view listen) {
  size_t colon = listen.rfind(':');
  std::string_view host = colon == std::string_view::npos ? listen : listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::string(host);
}

}  // namespace

absl::StatusOr<std::string> ReadTlsFile(const std::string& path, std::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FieldError(flag, absl::StrCat("cannot read ", path));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool IsLoopback(std::string_view listen) {
  const std::string host = HostPart(listen);
  return host == "localhost" || host == "::1" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::unique_ptr<GrpcHost>> GrpcHost::Start(GrpcHostOptions options) {
  auto credentials = Credentials(options);
  if (!credentials.ok()) return credentials.status();

  // Debian builds abseil with Mutex deadlock detection on: every lock and every Mutex made and
  // destroyed went through a global cycle graph (about a tenth of the host's CPU under load).
  // Lock order is kept by design and checked by the thread sanitizer, not at run time.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  for (grpc::Service* service : options.services) builder.RegisterService(service);
  // Handlers block (on the database, on a group commit), so many calls hold a thread at once.
  // gRPC's sync server ends threads beyond MAX_POLLERS when they go idle and starts new ones
  // for the next calls; with the default (2) a burst of completions meant a burst of thread
  // exits and creations. Keep enough threads polling to absorb a finished batch.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, 512);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  // Keepalive: find dead peers behind NATs and load balancers, without letting a client ping
  // us into the ground.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20 * 1000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, 30 * 60 * 1000);
  // gRPC binds with SO_REUSEPORT by default: a second host on the same port would silently
  // share its traffic. Refuse instead.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);

  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
  factories.push_back(MakeObservabilityInterceptorFactory(options.metrics));
  builder.experimental().SetInterceptorCreators(std::move(factories));

  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return FailedPrecondition("LISTEN_FAILED", absl::StrCat("cannot listen on ", options.listen,
                                                            " (address in use or not available)"));
  }
  // Keep the host as written (brackets and all), with the port actually bound.
  std::string address =
      absl::StrCat(options.listen.substr(0, options.listen.rfind(':')), ":", port);
  auto host = std::unique_ptr<GrpcHost>(
      new GrpcHost(std::move(server), std::move(address), std::move(options.health_names)));
  host->SetServing(false);
  return host;
}

GrpcHost::GrpcHost(std::unique_ptr<grpc::Server> server, std::string address,
                   std::vector<std::string> health_names)
    : server_(std::move(server)),
      address_(std::move(address)),
      health_names_(std::move(health_names)) {}

GrpcHost::~GrpcHost() { Shutdown(absl::Seconds(0)); }

void GrpcHost::SetServing(bool serving) {
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  for (const auto& name : health_names_) health->SetServingStatus(name, serving);
  health->SetServingStatus(serving);
}

std::shared_ptr<grpc::Channel> GrpcHost::InProcessChannel() {
  return server_->InProcessChannel(grpc::ChannelArguments());
}

void GrpcHost::Shutdown(absl::Duration drain) {
  if (shut_down_) return;
  shut_down_ = true;
  SetServing(false);
  server_->Shutdown(absl::ToChronoTime(absl::Now() + drain));
  server_->Wait();
}

}  // namespace fgc::server
