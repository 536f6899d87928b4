// fgc-bench host-start: cold start of `fgc serve` (initdb included) to health SERVING, warm
// start on the same state directory, and the host's idle resident memory (PostgreSQL, a
// separate process, excluded). Goals from the foundation issue: cold <= 3 s, warm <= 1 s,
// idle RSS <= 60 MB.
#include "bench/host_start_bench.h"

#include <grpcpp/grpcpp.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "grpc/health/v1/health.grpc.pb.h"
#include "nlohmann/json.hpp"
#include "tests/support/host_process.h"

namespace fgc::bench {
namespace {

using Clock = std::chrono::steady_clock;

bool OverallServing(const std::string& address, Clock::time_point deadline) {
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  while (Clock::now() < deadline) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
    context.set_wait_for_ready(true);
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (stub->Check(&context, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
  }
  return false;
}

double ResidentMegabytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return -1;
}

struct StartResult {
  double millis = -1;
  double rss_mb = -1;
};

StartResult StartOnce(const std::string& state_dir, bool measure_rss) {
  StartResult result;
  auto t0 = Clock::now();
  testing::HostProcess host(
      "fgc", {"serve", "--state-dir", state_dir, "--listen", "127.0.0.1:0", "--metrics-listen",
              "127.0.0.1:0", "--web-listen", "127.0.0.1:0", "--family-web-host", "bench.example"});
  auto address = host.WaitUntilServing(std::chrono::seconds(30));
  if (!address || !OverallServing(*address, Clock::now() + std::chrono::seconds(10))) {
    std::cerr << host.Output();
    return result;
  }
  result.millis = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (measure_rss) {
    // Idle: let start-up work settle, then read the host's own resident set.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    result.rss_mb = ResidentMegabytes(host.pid());
  }
  host.Stop(SIGTERM);
  return result;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? -1 : v[v.size() / 2];
}

}  // namespace

int RunHostStart(int runs) {
  std::vector<double> cold;
  std::vector<double> warm;
  std::vector<double> rss;
  for (int i = 0; i < runs; ++i) {
    testing::TempDir state;
    StartResult c = StartOnce(state.path() + "/state", /*measure_rss=*/true);
    StartResult w = StartOnce(state.path() + "/state", /*measure_rss=*/false);
    if (c.millis < 0 || w.millis < 0) {
      std::cerr << "fgc-bench host-start: the host did not become SERVING\n";
      return 1;
    }
    cold.push_back(c.millis);
    warm.push_back(w.millis);
    rss.push_back(c.rss_mb);
  }
  nlohmann::ordered_json out;
  out["benchmark"] = "host-start";
  out["runs"] = runs;
  out["cold_start_ms_each"] = cold;
  out["warm_start_ms_each"] = warm;
  out["goals"] = {{"cold_start_ms", 3000}, {"warm_start_ms", 1000}, {"idle_rss_mb", 60}};
  out["figures"] = {{"cold_start_ms_median", Median(cold)},
                    {"warm_start_ms_median", Median(warm)},
                    {"idle_rss_mb_median", Median(rss)}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace fgc::bench
