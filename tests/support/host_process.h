// Runs a real fgc program (`fgc serve`, a per-service binary) as a child process for
// integration tests: captures its JSON log lines, waits on them with deadlines (no sleeps),
// and stops it with a signal, reporting how it exited.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "nlohmann/json.hpp"

namespace fgc::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents on destruction, and
// with any PostgreSQL cluster a host relocated out of a state dir inside it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class HostProcess {
 public:
  // `program` is a file name in $FGC_BIN_DIR (e.g. "fgc"); `env` is added to the environment.
  HostProcess(const std::string& program, std::vector<std::string> args,
              const std::map<std::string, std::string>& env = {});
  ~HostProcess();  // SIGTERM if still running, SIGKILL if that does not stop it
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Waits until a log line satisfies `match`; returns it, or nullopt at the deadline or when
  // the process exits first.
  std::optional<nlohmann::json> WaitForLog(
      const std::function<bool(const nlohmann::json&)>& match,
      std::chrono::milliseconds timeout = std::chrono::seconds(30));

  // Waits for the host's {"msg":"serving",...} line and returns its gRPC address.
  std::optional<std::string> WaitUntilServing(
      std::chrono::milliseconds timeout = std::chrono::seconds(30));

  // Sends `signal` and waits for exit; returns the wait status, or nullopt at the deadline.
  std::optional<int> Stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(20));

  // Waits for the process to exit by itself.
  std::optional<int> Wait(std::chrono::milliseconds timeout);

  // Everything it wrote to stderr so far (for failure messages).
  std::string Output() const;

 private:
  void ReadLoop(int fd);
  std::optional<int> Reap(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  bool eof_ = false;
  std::optional<int> exit_status_;
};

// Processes (other than this one) whose command line contains `needle`, e.g. a state dir.
std::vector<pid_t> ProcessesMentioning(const std::string& needle);

}  // namespace fgc::testing
