// Per-call logging and Prometheus metrics for every gRPC method, as a server interceptor, so
// no handler has to remember them: one JSON log line per call with its request id, method,
// code and duration; counters and a latency histogram by method and code.
#pragma once

#include <grpcpp/support/server_interceptor.h>
#include <prometheus/registry.h>

#include <memory>

namespace fgc::server {

// Metadata key a caller may set to correlate logs across services; generated when absent.
inline constexpr char kRequestIdHeader[] = "x-request-id";

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeObservabilityInterceptorFactory(std::shared_ptr<prometheus::Registry> registry);

}  // namespace fgc::server
