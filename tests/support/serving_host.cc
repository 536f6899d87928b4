#include "tests/support/serving_host.h"

namespace fgc::testing {

ServingHost::ServingHost()
    : state_(dir_.path() + "/state"),
      host_(std::make_unique<HostProcess>(
          "fgc",
          std::vector<std::string>{"serve", "--state-dir", state_, "--listen", "127.0.0.1:0",
                                   "--metrics-listen", "127.0.0.1:0", "--web-listen", "127.0.0.1:0",
                                   "--family-web-host", "family.example.test"})) {
  auto serving =
      host_->WaitForLog([](const nlohmann::json& j) { return j.value("msg", "") == "serving"; });
  if (serving.has_value()) {
    address_ = serving->value("grpc", "");
    web_address_ = serving->value("family_web", "");
  }
}

}  // namespace fgc::testing
