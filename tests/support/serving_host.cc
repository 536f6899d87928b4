#include "tests/support/serving_host.h"

namespace fgc::testing {

ServingHost::ServingHost()
    : state_(dir_.path() + "/state"),
      host_(std::make_unique<HostProcess>(
          "fgc", std::vector<std::string>{"serve", "--state-dir", state_, "--listen", "127.0.0.1:0",
                                          "--metrics-listen", "127.0.0.1:0"})) {
  address_ = host_->WaitUntilServing().value_or("");
}

}  // namespace fgc::testing
