#include "bench/process_cpu.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fgc::bench {
namespace {

struct Stat {
  pid_t ppid = -1;
  double cpu_seconds = 0;
};

// /proc/<pid>/stat: the command name is in parentheses and may hold spaces, so fields are
// counted after the last ')': state is field 3, ppid 4, utime 14 and stime 15.
bool ReadStat(pid_t pid, Stat* out) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const size_t close = text.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double utime = 0;
  double stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 4) out->ppid = static_cast<pid_t>(std::stol(field));
    if (i == 14) utime = std::stod(field);
    if (i == 15) stime = std::stod(field);
  }
  out->cpu_seconds = (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return true;
}

}  // namespace

double CpuSeconds(pid_t pid) {
  Stat stat;
  return ReadStat(pid, &stat) ? stat.cpu_seconds : 0;
}

double CpuSecondsWithChildren(pid_t root) {
  double total = CpuSeconds(root);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    Stat stat;
    if (ReadStat(static_cast<pid_t>(std::stol(name)), &stat) && stat.ppid == root) {
      total += stat.cpu_seconds;
    }
  }
  return total;
}

double MachineBusySeconds() {
  // /proc/stat "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks.
  std::ifstream file("/proc/stat");
  std::string label;
  double ticks[8] = {};
  file >> label;
  for (double& t : ticks) file >> t;
  const double busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
  return busy / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace fgc::bench
