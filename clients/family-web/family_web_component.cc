#include "clients/family-web/family_web_component.h"

#include "clients/family-web/family_web_server.h"

namespace fgc::family_web {
namespace {

class HostedFamilyWeb final : public server::SideServer {
 public:
  explicit HostedFamilyWeb(std::unique_ptr<FamilyWebServer> web) : web_(std::move(web)) {}
  std::string address() const override { return web_->address(); }

 private:
  std::unique_ptr<FamilyWebServer> web_;
};

}  // namespace

server::SideServerComponent FamilyWebComponent() {
  server::SideServerComponent component;
  component.name = "family-web";
  component.start =
      [](const HostConfig& config,
         server::PeerChannels& peers) -> absl::StatusOr<std::unique_ptr<server::SideServer>> {
    auto key = LoadSessionKey(config.state_dir, /*create=*/!config.production());
    if (!key.ok()) return key.status();
    FamilyWebOptions options;
    options.listen = config.web_listen;
    options.session_key = *std::move(key);
    options.channels = [&peers](std::string_view service) -> std::shared_ptr<grpc::Channel> {
      auto channel = peers.Channel(service);
      return channel.ok() ? *channel : nullptr;
    };
    auto web = FamilyWebServer::Start(std::move(options));
    if (!web.ok()) return web.status();
    return std::make_unique<HostedFamilyWeb>(*std::move(web));
  };
  return component;
}

}  // namespace fgc::family_web
