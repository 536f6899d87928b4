#include "common/server/metrics_endpoint.h"

#include <prometheus/exposer.h>

#include <exception>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::server {

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const std::string& listen, const std::shared_ptr<prometheus::Registry>& registry) {
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    exposer = std::make_unique<prometheus::Exposer>(listen, /*num_threads=*/1);
  } catch (const std::exception&) {
    // civetweb throws when it cannot bind; the host reports it as a configuration problem.
    return FailedPrecondition("LISTEN_FAILED", absl::StrCat("cannot serve metrics on ", listen));
  }
  exposer->RegisterCollectable(registry);
  std::vector<int> ports = exposer->GetListeningPorts();
  std::string address =
      absl::StrCat(listen.substr(0, listen.rfind(':')), ":", ports.empty() ? 0 : ports.front());
  return std::unique_ptr<MetricsEndpoint>(new MetricsEndpoint(std::move(exposer), address));
}

MetricsEndpoint::MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, std::string address)
    : exposer_(std::move(exposer)), address_(std::move(address)) {}

MetricsEndpoint::~MetricsEndpoint() = default;

}  // namespace fgc::server
