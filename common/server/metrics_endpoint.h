// The Prometheus /metrics endpoint (prometheus-cpp's civetweb exposer) over one registry that
// every part of a host registers its metrics in.
#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace prometheus {
class Exposer;
}

namespace fgc::server {

class MetricsEndpoint final {
 public:
  // Serves `registry` on http://<listen>/metrics; port 0 picks a free one.
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(
      const std::string& listen, const std::shared_ptr<prometheus::Registry>& registry);
  ~MetricsEndpoint();

  const std::string& address() const { return address_; }

 private:
  MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer, std::string address);
  std::unique_ptr<prometheus::Exposer> exposer_;
  std::string address_;
};

}  // namespace fgc::server
