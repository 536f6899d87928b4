// fgc-bench: runs fgc's benchmarks; each prints one JSON object with its figures last.
//   fgc-bench --list
//   fgc-bench host-start [--runs N]
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bench/host_start_bench.h"

namespace {

struct Benchmark {
  const char* name;
  const char* what;
  std::function<int(const std::vector<std::string>&)> run;
};

int IntFlag(const std::vector<std::string>& args, const std::string& flag, int fallback) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag) return std::atoi(args[i + 1].c_str());
  }
  return fallback;
}

const std::vector<Benchmark>& Benchmarks() {
  static const std::vector<Benchmark> kAll = {
      {"host-start", "cold and warm start of fgc serve to SERVING, idle RSS",
       [](const std::vector<std::string>& a) {
         return fgc::bench::RunHostStart(IntFlag(a, "--runs", 3));
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
