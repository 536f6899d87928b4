// fgc-bench: runs fgc's benchmarks; each prints one JSON object with its figures last.
//   fgc-bench --list
//   fgc-bench host-start [--runs N]
//   fgc-bench ledger-append [--seconds S] [--clients 1,16,256]
//   fgc-bench ledger-proof [--entries N] [--samples N] [--batch N]
//   fgc-bench suggest-slots [--people N] [--slots N] [--samples N]
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/host_start_bench.h"
#include "bench/ledger_append_bench.h"
#include "bench/ledger_proof_bench.h"
#include "bench/slot_suggestion_bench.h"

namespace {

struct Benchmark {
  const char* name;
  const char* what;
  std::function<int(const std::vector<std::string>&)> run;
};

const std::string* FlagValue(const std::vector<std::string>& args, const std::string& flag) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag) return &args[i + 1];
  }
  return nullptr;
}

int64_t IntFlag(const std::vector<std::string>& args, const std::string& flag, int64_t fallback) {
  const std::string* value = FlagValue(args, flag);
  return value != nullptr ? std::atoll(value->c_str()) : fallback;
}

// "1,16,256" -> {1, 16, 256}; non-positive numbers are dropped.
std::vector<int> IntListFlag(const std::vector<std::string>& args, const std::string& flag,
                             const std::string& fallback) {
  const std::string* value = FlagValue(args, flag);
  std::istringstream items(value != nullptr ? *value : fallback);
  std::vector<int> list;
  for (std::string item; std::getline(items, item, ',');) {
    if (int n = std::atoi(item.c_str()); n > 0) list.push_back(n);
  }
  return list;
}

const std::vector<Benchmark>& Benchmarks() {
  static const std::vector<Benchmark> kAll = {
      {"host-start", "cold and warm start of fgc serve to SERVING, idle RSS",
       [](const std::vector<std::string>& a) {
         return fgc::bench::RunHostStart(static_cast<int>(IntFlag(a, "--runs", 3)));
       }},
      {"ledger-append",
       "durable RecordConsent appends/s and p50/p99 over gRPC at each concurrency, against "
       "pgbench single-row INSERT commits/s on the same PostgreSQL",
       [](const std::vector<std::string>& a) {
         return fgc::bench::RunLedgerAppend(static_cast<int>(IntFlag(a, "--seconds", 10)),
                                            IntListFlag(a, "--clients", "1,16,256"));
       }},
      {"ledger-proof",
       "inclusion and consistency proof p50/p99 (plan, one node query, build) and verification "
       "over a log of N entries",
       [](const std::vector<std::string>& a) {
         return fgc::bench::RunLedgerProof(IntFlag(a, "--entries", 1000000),
                                           static_cast<int>(IntFlag(a, "--samples", 2000)),
                                           IntFlag(a, "--batch", 10000));
       }},
      {"suggest-slots",
       "SuggestSlots ranking p50/p99 for N people x M slots (answers in a grid; 10 and 100 "
       "suggestions explained) and reading the answers from slot protos",
       [](const std::vector<std::string>& a) {
         return fgc::bench::RunSuggestSlots(static_cast<int>(IntFlag(a, "--people", 60)),
                                            static_cast<int>(IntFlag(a, "--slots", 2000)),
                                            static_cast<int>(IntFlag(a, "--samples", 1000)));
       }},
  };
  return kAll;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // The programs measured sit beside fgc-bench in build/bin unless FGC_BIN_DIR says otherwise.
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) setenv("FGC_BIN_DIR", self.parent_path().c_str(), /*overwrite=*/0);
  if (args.empty() || args[0] == "--list" || args[0] == "--help") {
    for (const auto& b : Benchmarks()) std::cout << b.name << "\t" << b.what << "\n";
    return args.empty() ? 2 : 0;
  }
  for (const auto& b : Benchmarks()) {
    if (args[0] == b.name) return b.run({args.begin() + 1, args.end()});
  }
  std::cerr << "fgc-bench: unknown benchmark " << args[0] << " (see --list)\n";
  return 2;
}
