#include "common/server/observability.h"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>

#include <chrono>
#include <string>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "common/base/log.h"

namespace fgc::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

struct Metrics {
  explicit Metrics(prometheus::Registry& registry)
      : calls(prometheus::BuildCounter()
                  .Name("fgc_grpc_server_handled_total")
                  .Help("gRPC calls completed, by method and status code")
                  .Register(registry)),
        latency(prometheus::BuildHistogram()
                    .Name("fgc_grpc_server_handling_seconds")
                    .Help("gRPC call latency, by method")
                    .Register(registry)) {}
  prometheus::Family<prometheus::Counter>& calls;
  prometheus::Family<prometheus::Histogram>& latency;
};

std::string NewRequestId() {
  thread_local absl::BitGen gen;
  const uint64_t a = absl::Uniform<uint64_t>(gen);
  const uint64_t b = absl::Uniform<uint64_t>(gen);
  std::string bytes(reinterpret_cast<const char*>(&a), 8);
  bytes.append(reinterpret_cast<const char*>(&b), 8);
  return absl::BytesToHexString(bytes);
}

// gRPC's canonical codes are abseil's, names included.
std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

class ObservabilityInterceptor final : public grpc::experimental::Interceptor {
 public:
  ObservabilityInterceptor(grpc::experimental::ServerRpcInfo* info, Metrics* metrics)
      : info_(info), metrics_(metrics), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      auto* md = methods->GetRecvInitialMetadata();
      auto it = md->find(kRequestIdHeader);
      // Accept a caller's id only when it is short and printable, so logs stay clean.
      if (it != md->end() && it->second.size() <= 64) {
        request_id_.assign(it->second.data(), it->second.size());
        for (char c : request_id_) {
          if (c < 0x21 || c > 0x7e) {
            request_id_.clear();
            break;
          }
        }
      }
      if (request_id_.empty()) request_id_ = NewRequestId();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace(kRequestIdHeader, request_id_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Finish(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  void Finish(const grpc::Status& status) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const std::string method = info_->method();
    const std::string code = CodeName(status.error_code());
    metrics_->calls.Add({{"grpc_method", method}, {"grpc_code", code}}).Increment();
    metrics_->latency
        .Add({{"grpc_method", method}},
             prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05, 0.1, 0.25, 0.5, 1, 2.5, 5})
        .Observe(seconds);
    log::ScopedRequestId id(request_id_);
    const std::string ms = std::to_string(seconds * 1000.0);
    log::Write(status.ok() ? log::Level::kDebug : log::Level::kInfo, "rpc",
               {{"method", method}, {"code", code}, {"duration_ms", ms}});
  }

  grpc::experimental::ServerRpcInfo* info_;
  Metrics* metrics_;
  std::chrono::steady_clock::time_point start_;
  std::string request_id_;
};

class ObservabilityInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit ObservabilityInterceptorFactory(std::shared_ptr<prometheus::Registry> registry)
      : registry_(std::move(registry)), metrics_(*registry_) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new ObservabilityInterceptor(info, &metrics_);
  }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  Metrics metrics_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeObservabilityInterceptorFactory(std::shared_ptr<prometheus::Registry> registry) {
  return std::make_unique<ObservabilityInterceptorFactory>(std::move(registry));
}

}  // namespace fgc::server
