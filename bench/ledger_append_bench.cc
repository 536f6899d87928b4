// fgc-bench ledger-append: starts `fgc serve` in a fresh state directory, mints a referrer
// token for tenant t1 with the host's development key, and for each concurrency level keeps
// that many RecordConsent calls in flight for a warm-up and then `seconds` measured seconds.
// Then pgbench runs single-row INSERT transactions against the host's own PostgreSQL at the
// same concurrency for as long. Per level it prints appends/s, p50/p99 latency, the INSERT
// commit rate and their ratio, and where the CPU went (host, PostgreSQL, load generator,
// everything else on the machine) with the number of group-commit batches.
// Goals from issue 4: >= 10,000 appends/s at 256 clients, p99 <= 50 ms, ratio >= 0.75.
#include "bench/ledger_append_bench.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <thread>

#include "absl/strings/str_cat.h"
#include "bench/append_load.h"
#include "bench/insert_baseline.h"
#include "bench/percentile.h"
#include "bench/process_cpu.h"
#include "common/auth/dev_keys.h"
#include "nlohmann/json.hpp"
#include "tests/support/host_process.h"

namespace fgc::bench {
namespace {

using Clock = AppendLoad::Clock;
using nlohmann::ordered_json;

constexpr auto kWarmUp = std::chrono::seconds(2);
// HTTP/2 connections the calls are spread over (one call each at a single client).
constexpr int kChannels = 4;

// Counters read at the edges of a measured window.
struct Snapshot {
  double host_cpu = 0;
  double postgres_cpu = 0;
  double client_cpu = 0;
  double machine_busy = 0;
  int64_t log_size = 0;
  int64_t checkpoints = 0;
};

// The running host, as the benchmark watches it.
class WatchedHost {
 public:
  static absl::StatusOr<std::unique_ptr<WatchedHost>> Create(pid_t host_pid, pid_t postgres_pid,
                                                             const std::string& socket_dir) {
    try {
      return std::unique_ptr<WatchedHost>(new WatchedHost(
          host_pid, postgres_pid,
          absl::StrCat("host=", socket_dir, " port=5432 user=postgres dbname=fgc")));
    } catch (const std::exception& e) {
      return absl::UnavailableError(absl::StrCat("connecting to the host's database: ", e.what()));
    }
  }

  // The superuser bypasses row-level security, so it sees every tenant's log.
  absl::StatusOr<Snapshot> Take() {
    Snapshot s;
    s.host_cpu = CpuSeconds(host_pid_);
    s.postgres_cpu = CpuSecondsWithChildren(postgres_pid_);
    s.client_cpu = CpuSeconds(getpid());
    s.machine_busy = MachineBusySeconds();
    try {
      pqxx::nontransaction tx(conn_);
      pqxx::row r = tx.exec1(
          "SELECT (SELECT coalesce(sum(size), 0) FROM ledger.log_head), "
          "(SELECT count(*) FROM ledger.checkpoints)");
      s.log_size = r[0].as<int64_t>();
      s.checkpoints = r[1].as<int64_t>();
    } catch (const std::exception& e) {
      return absl::UnavailableError(absl::StrCat("reading the log's size: ", e.what()));
    }
    return s;
  }

 private:
  WatchedHost(pid_t host_pid, pid_t postgres_pid, const std::string& conninfo)
      : host_pid_(host_pid), postgres_pid_(postgres_pid), conn_(conninfo) {}

  pid_t host_pid_;
  pid_t postgres_pid_;
  pqxx::connection conn_;
};

absl::StatusOr<std::string> ReferrerToken(const std::string& state_dir) {
  auto signer = auth::LoadDevelopmentJwtSigner(state_dir);
  if (!signer.ok()) return signer.status();
  auth::Claims claims;
  claims.sub = "bench-referrer";
  claims.tenant = "t1";
  claims.role = auth::Role::kReferrer;
  claims.agency = "bench-agency";
  claims.exp = absl::Now() + absl::Hours(2);
  claims.aud = {"fgc"};
  return signer->Sign(claims);
}

double LoadAverage() {
  double one_minute = -1;
  std::ifstream("/proc/loadavg") >> one_minute;
  return one_minute;
}

ordered_json CpuPerAppend(const Snapshot& a, const Snapshot& b, int64_t appended) {
  const double n = static_cast<double>(std::max<int64_t>(appended, 1));
  const double host = b.host_cpu - a.host_cpu;
  const double postgres = b.postgres_cpu - a.postgres_cpu;
  const double client = b.client_cpu - a.client_cpu;
  // Tick-granular accounting can leave this a little below zero on a quiet machine.
  const double others = std::max(0.0, (b.machine_busy - a.machine_busy) - host - postgres - client);
  return {{"host_us", Round3(host * 1e6 / n)},
          {"postgres_us", Round3(postgres * 1e6 / n)},
          {"load_generator_us", Round3(client * 1e6 / n)},
          {"other_processes_cpu_s", Round3(others)}};
}

// What one level of appends did.
struct AppendRun {
  AppendLoad::Result result;
  Snapshot before;  // at the start of the measured window
  Snapshot after;   // at its end
};

// Keeps `clients` appends in flight through a warm-up and a window of `seconds`.
absl::StatusOr<AppendRun> RunAppends(AppendLoad& load, WatchedHost& host, int clients,
                                     int seconds) {
  AppendRun run;
  const Clock::time_point window_start = Clock::now() + kWarmUp;
  const Clock::time_point window_end = window_start + std::chrono::seconds(seconds);
  std::thread driver([&] { run.result = load.Run(clients, window_start, window_end); });
  std::this_thread::sleep_until(window_start);
  const absl::StatusOr<Snapshot> before = host.Take();
  std::this_thread::sleep_until(window_end);
  const absl::StatusOr<Snapshot> after = host.Take();
  driver.join();
  if (!before.ok() || !after.ok()) return before.ok() ? after.status() : before.status();
  if (run.result.failed > 0) {
    return absl::InternalError(
        absl::StrCat(run.result.failed, " appends failed; the first: ", run.result.first_error));
  }
  run.before = *before;
  run.after = *after;
  return run;
}

// One concurrency level: appends, then the INSERT baseline at the same concurrency.
absl::StatusOr<ordered_json> MeasureLevel(AppendLoad& load, WatchedHost& host,
                                          const InsertBaseline& baseline, int clients,
                                          int seconds) {
  auto run = RunAppends(load, host, clients, seconds);
  if (!run.ok()) return run.status();
  const int insert_clients = std::min(clients, baseline.max_clients());
  auto inserts = baseline.CommitsPerSecond(insert_clients, seconds);
  if (!inserts.ok()) return inserts.status();

  const std::vector<double>& latencies = run->result.latencies_ms;
  const double appends_per_s = static_cast<double>(run->result.appended) / seconds;
  const int64_t batches = run->after.checkpoints - run->before.checkpoints;
  ordered_json level;
  level["clients"] = clients;
  level["appends_per_s"] = Round3(appends_per_s);
  level["p50_ms"] = Round3(Percentile(latencies, 0.50));
  level["p99_ms"] = Round3(Percentile(latencies, 0.99));
  level["max_ms"] = Round3(Percentile(latencies, 1.0));
  level["batches"] = batches;
  level["mean_batch"] = Round3(static_cast<double>(run->after.log_size - run->before.log_size) /
                               static_cast<double>(std::max<int64_t>(batches, 1)));
  level["cpu_per_append"] = CpuPerAppend(run->before, run->after, run->result.appended);
  level["insert_clients"] = insert_clients;
  level["insert_commits_per_s"] = Round3(*inserts);
  level["ratio"] = Round3(appends_per_s / *inserts);
  return level;
}

}  // namespace

int RunLedgerAppend(int seconds, const std::vector<int>& clients) {
  testing::TempDir dir;
  const std::string state_dir = dir.path() + "/state";
  testing::HostProcess process(
      "fgc", {"serve", "--state-dir", state_dir, "--listen", "127.0.0.1:0", "--metrics-listen",
              "127.0.0.1:0", "--web-listen", "127.0.0.1:0", "--family-web-host", "bench.example"});
  auto address = process.WaitUntilServing(std::chrono::seconds(60));
  auto postgres = process.WaitForLog(
      [](const nlohmann::json& j) { return j.value("msg", "") == "embedded PostgreSQL ready"; },
      std::chrono::seconds(1));
  if (!address || !postgres) {
    std::cerr << "fgc-bench ledger-append: the host did not start\n" << process.Output();
    return 1;
  }
  const std::string socket_dir = (*postgres)["socket_dir"];
  const pid_t postgres_pid = std::stoi((*postgres)["pid"].get<std::string>());
  auto token = ReferrerToken(state_dir);
  auto baseline = InsertBaseline::Prepare(socket_dir, dir.path());
  if (!token.ok() || !baseline.ok()) {
    std::cerr << "fgc-bench ledger-append: " << token.status() << " " << baseline.status() << "\n";
    return 1;
  }
  ordered_json out;
  out["benchmark"] = "ledger-append";
  out["seconds_per_level"] = seconds;
  out["warm_up_s"] = kWarmUp.count();
  out["cores"] = std::thread::hardware_concurrency();
  out["load_average_at_start"] = LoadAverage();
  out["goals"] = {{"appends_per_s_at_256", 10000}, {"p99_ms", 50}, {"ratio", 0.75}};
  auto host = WatchedHost::Create(process.pid(), postgres_pid, socket_dir);
  if (!host.ok()) {
    std::cerr << "fgc-bench ledger-append: " << host.status() << "\n";
    return 1;
  }
  // One load generator for every level, so request ids never repeat.
  AppendLoad load(*address, *token, kChannels);
  ordered_json figures = ordered_json::array();
  for (int n : clients) {
    auto level = MeasureLevel(load, **host, *baseline, n, seconds);
    if (!level.ok()) {
      std::cerr << "fgc-bench ledger-append at " << n << " clients: " << level.status() << "\n";
      return 1;
    }
    figures.push_back(*std::move(level));
  }
  out["load_average_at_end"] = LoadAverage();
  out["figures"] = figures;
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace fgc::bench
