#include "common/server/peer_channels.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/server/request_guard.h"

namespace fgc::server {
namespace {

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ClientCredentials(
    const std::string& address, const TlsFiles& tls) {
  if (tls.cert_file.empty()) {
    if (!IsLoopback(address)) {
      return FailedPrecondition(
          "PLAINTEXT_OFF_LOOPBACK",
          absl::StrCat("refusing to call ", address,
                       " in plaintext: give --tls-cert, --tls-key and --tls-client-ca"));
    }
    return grpc::InsecureChannelCredentials();
  }
  // Peers present this host's certificate and trust the CA that signs their clients.
  grpc::SslCredentialsOptions ssl;
  auto cert = ReadTlsFile(tls.cert_file, "--tls-cert");
  if (!cert.ok()) return cert.status();
  auto key = ReadTlsFile(tls.key_file, "--tls-key");
  if (!key.ok()) return key.status();
  ssl.pem_cert_chain = *cert;
  ssl.pem_private_key = *key;
  if (!tls.client_ca_file.empty()) {
    auto ca = ReadTlsFile(tls.client_ca_file, "--tls-client-ca");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
  }
  return grpc::SslCredentials(ssl);
}

}  // namespace

PeerChannels::PeerChannels(std::map<std::string, std::string, std::less<>> remote, TlsFiles tls)
    : remote_(std::move(remote)), tls_(std::move(tls)) {
  std::erase_if(remote_, [](const auto& entry) { return entry.second.empty(); });
}

void PeerChannels::ServeLocally(grpc::Server* server, std::set<std::string, std::less<>> services) {
  absl::MutexLock lock(&mu_);
  server_ = server;
  local_ = std::move(services);
  channels_.clear();
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> PeerChannels::Channel(std::string_view service) {
  absl::MutexLock lock(&mu_);
  if (auto it = channels_.find(service); it != channels_.end()) return it->second;
  std::shared_ptr<grpc::Channel> channel;
  if (server_ != nullptr && local_.contains(service)) {
    channel = server_->InProcessChannel(grpc::ChannelArguments());
  } else if (auto address = remote_.find(service); address != remote_.end()) {
    auto credentials = ClientCredentials(address->second, tls_);
    if (!credentials.ok()) return credentials.status();
    channel = grpc::CreateChannel(address->second, *credentials);
  } else {
    log::Warn("no address for a service this host calls", {{"service", std::string(service)}});
    return absl::UnavailableError(
        absl::StrCat(std::string(service), " is not reachable from this host"));
  }
  channels_.emplace(std::string(service), channel);
  return channel;
}

std::unique_ptr<grpc::ClientContext> OnBehalfOf(const Caller& caller) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!caller.bearer_token.empty()) {
    context->AddMetadata(kAuthorizationHeader, absl::StrCat("Bearer ", caller.bearer_token));
  } else if (!caller.invitation_token.empty()) {
    context->AddMetadata(kInvitationTokenHeader, caller.invitation_token);
  }
  if (const std::string_view id = log::CurrentRequestId(); !id.empty()) {
    context->AddMetadata("x-request-id", std::string(id));
  }
  if (caller.deadline != absl::InfiniteFuture()) {
    context->set_deadline(absl::ToChronoTime(caller.deadline));
  }
  return context;
}

}  // namespace fgc::server
