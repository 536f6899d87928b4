// A load generator for durable ledger appends: keeps a fixed number of RecordConsent calls in
// flight over gRPC from one thread (a CompletionQueue), so 256 clients are 256 outstanding
// calls rather than 256 threads, and times each call from start to durable answer.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fgc/v1/ledger_service.grpc.pb.h"

namespace fgc::bench {

class AppendLoad {
 public:
  using Clock = std::chrono::steady_clock;

  // `token` is a bearer token for tenant t1 that may record consent. Calls are spread over
  // `channels` HTTP/2 connections.
  AppendLoad(const std::string& address, std::string token, int channels);

  struct Result {
    int64_t appended = 0;  // calls that succeeded and finished inside the window
    int64_t failed = 0;    // calls that failed, at any time
    std::string first_error;
    std::vector<double> latencies_ms;  // of the calls counted in `appended`
  };

  // Keeps `clients` calls outstanding from now until `window_end`, then lets the last ones
  // finish; counts the calls that finish in [window_start, window_end).
  Result Run(int clients, Clock::time_point window_start, Clock::time_point window_end);

 private:
  struct Call;
  // Starts the next append (a fresh request id; a conference and child varying with it).
  void Start(grpc::CompletionQueue* queue);

  const std::string token_;
  std::vector<std::unique_ptr<v1::LedgerService::Stub>> stubs_;
  int64_t sequence_ = 0;
};

}  // namespace fgc::bench
