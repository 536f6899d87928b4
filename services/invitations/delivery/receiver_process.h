// Test support: a receiver script (smtp_receiver.py, webhook_receiver.py) run as a child
// process on a free loopback port with its own output folder, stopped when it goes out of
// scope; and a loopback port where nothing listens.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::invitations::delivery {

class ReceiverProcess final {
 public:
  // Starts /usr/bin/python3 `script` <output folder> `options`... and waits, up to `deadline`
  // from now, for its "PORT <n>" line.
  static absl::StatusOr<ReceiverProcess> Start(const std::string& script,
                                               const std::vector<std::string>& options = {},
                                               absl::Duration deadline = absl::Seconds(15));

  ReceiverProcess(ReceiverProcess&& other) noexcept;
  ReceiverProcess& operator=(ReceiverProcess&&) = delete;
  ReceiverProcess(const ReceiverProcess&) = delete;
  ~ReceiverProcess();  // SIGTERM, wait, remove the output folder

  int port() const { return port_; }
  const std::filesystem::path& output_dir() const { return output_dir_; }

  // The contents of `name` in the output folder, or NOT_FOUND.
  absl::StatusOr<std::string> ReadOutput(const std::string& name) const;

 private:
  ReceiverProcess(pid_t pid, int port, std::filesystem::path output_dir)
      : pid_(pid), port_(port), output_dir_(std::move(output_dir)) {}

  pid_t pid_ = -1;
  int port_ = 0;
  std::filesystem::path output_dir_;
};

// A loopback TCP port that accepts connections (the kernel completes the handshake) but never
// says a word, so a client waiting for a greeting or a response runs into its timeout.
class SilentPort final {
 public:
  SilentPort();
  SilentPort(const SilentPort&) = delete;
  SilentPort& operator=(const SilentPort&) = delete;
  ~SilentPort();

  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A loopback TCP port bound but not listening, so connecting is refused at once; held for the
// object's life so no one else takes it.
class RefusingPort final {
 public:
  RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  ~RefusingPort();

  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace fgc::invitations::delivery
