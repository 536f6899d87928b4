#include "services/invitations/delivery/receiver_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace fgc::invitations::delivery {
namespace {

void StopChild(pid_t pid) {
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

// Reads the child's stdout until a "PORT <n>" line or the deadline; 0 on failure.
int AwaitPort(int fd, absl::Time deadline) {
  std::string seen;
  char buffer[256];
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return 0;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return 0;  // the script exited
    seen.append(buffer, n);
    const size_t end = seen.find('\n');
    if (end == std::string::npos) continue;
    int port = 0;
    const std::string line = seen.substr(0, end);
    if (!absl::StartsWith(line, "PORT ") || !absl::SimpleAtoi(line.substr(5), &port)) return 0;
    return port;
  }
}

// A TCP socket bound to a free loopback port (written to `port`, 0 on failure).
int BindLoopback(int& port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  return fd;
}

}  // namespace

absl::StatusOr<ReceiverProcess> ReceiverProcess::Start(const std::string& script,
                                                       const std::vector<std::string>& options,
                                                       absl::Duration deadline) {
  std::string dir_template =
      (std::filesystem::temp_directory_path() / "fgc-delivery-XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) return absl::InternalError("mkdtemp failed");
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return absl::InternalError("pipe failed");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::string python = "/usr/bin/python3";
  std::vector<std::string> args = {python, script, dir_template};
  args.insert(args.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, python.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return absl::InternalError(absl::StrCat("cannot start ", script));
  }
  const int port = AwaitPort(pipe_fds[0], absl::Now() + deadline);
  close(pipe_fds[0]);  // the script prints nothing more
  if (port == 0) {
    StopChild(pid);
    return absl::DeadlineExceededError(absl::StrCat(script, " did not report its port"));
  }
  return ReceiverProcess(pid, port, dir_template);
}

ReceiverProcess::ReceiverProcess(ReceiverProcess&& other) noexcept
    : pid_(other.pid_), port_(other.port_), output_dir_(std::move(other.output_dir_)) {
  other.pid_ = -1;
  other.output_dir_.clear();
}

ReceiverProcess::~ReceiverProcess() {
  if (pid_ > 0) StopChild(pid_);
  if (!output_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(output_dir_, ignored);
  }
}

absl::StatusOr<std::string> ReceiverProcess::ReadOutput(const std::string& name) const {
  std::ifstream in(output_dir_ / name, std::ios::binary);
  if (!in) return absl::NotFoundError(name);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

RefusingPort::RefusingPort() { fd_ = BindLoopback(port_); }

RefusingPort::~RefusingPort() {
  if (fd_ >= 0) close(fd_);
}

SilentPort::SilentPort() {
  fd_ = BindLoopback(port_);
  if (fd_ < 0 || listen(fd_, 8) != 0) port_ = 0;
}

SilentPort::~SilentPort() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace fgc::invitations::delivery
