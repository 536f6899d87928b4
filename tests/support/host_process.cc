#include "tests/support/host_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/db/postgres_layout.h"

namespace fgc::testing {

TempDir::TempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp != nullptr ? tmp : "/tmp") + "/fgc-test-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) std::abort();
  path_ = buf.data();
}

TempDir::~TempDir() {
  // As root, a host's PostgreSQL cluster may live outside its state dir (under
  // /var/lib/fgc/postgres, see common/db/postgres_layout.h): remove those too, so tests leave
  // nothing behind. Every process that used them has been stopped by now.
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename() == db::kLocationFileName) {
      db::RemoveRelocatedCluster(it->path().parent_path().string());
    }
  }
  std::filesystem::remove_all(path_, ec);
}

HostProcess::HostProcess(const std::string& program, std::vector<std::string> args,
                         const std::map<std::string, std::string>& env) {
  const char* bin_dir = std::getenv("FGC_BIN_DIR");
  std::string path = std::string(bin_dir != nullptr ? bin_dir : "build/bin") + "/" + program;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) std::abort();
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dup2(fds[1], STDERR_FILENO);
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, STDIN_FILENO);
    dup2(devnull, STDOUT_FILENO);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    argv.push_back(path.data());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  reader_ = std::thread([this, fd = fds[0]] { ReadLoop(fd); });
}

HostProcess::~HostProcess() {
  // Stop gracefully, so that the host stops its PostgreSQL before the test removes its files;
  // kill only a host that does not stop.
  if (!exit_status_.has_value() && pid_ > 0) {
    kill(pid_, SIGTERM);
    if (!Reap(std::chrono::seconds(15)).has_value()) {
      kill(pid_, SIGKILL);
      Reap(std::chrono::seconds(10));
    }
  }
  if (reader_.joinable()) reader_.join();
}

void HostProcess::ReadLoop(int fd) {
  std::string pending;
  char buf[4096];
  while (true) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buf, static_cast<size_t>(n));
    size_t nl;
    while ((nl = pending.find('\n')) != std::string::npos) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(pending.substr(0, nl));
      pending.erase(0, nl + 1);
      changed_.notify_all();
    }
  }
  close(fd);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!pending.empty()) lines_.push_back(pending);
  eof_ = true;
  changed_.notify_all();
}

std::optional<nlohmann::json> HostProcess::WaitForLog(
    const std::function<bool(const nlohmann::json&)>& match, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  size_t seen = 0;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    for (; seen < lines_.size(); ++seen) {
      auto j = nlohmann::json::parse(lines_[seen], nullptr, false);
      if (!j.is_discarded() && match(j)) return j;
    }
    if (eof_) return std::nullopt;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && seen == lines_.size()) {
      return std::nullopt;
    }
  }
}

std::optional<std::string> HostProcess::WaitUntilServing(std::chrono::milliseconds timeout) {
  auto line =
      WaitForLog([](const nlohmann::json& j) { return j.value("msg", "") == "serving"; }, timeout);
  if (!line.has_value()) return std::nullopt;
  return line->value("grpc", "");
}

std::optional<int> HostProcess::Reap(std::chrono::milliseconds timeout) {
  if (exit_status_.has_value()) return exit_status_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exit_status_ = status;
      // Its last words may still be in the pipe: let the reader drain them (a grandchild that
      // kept the pipe open would hold EOF back, hence the bound).
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait_for(lock, std::chrono::seconds(5), [this] { return eof_; });
      return status;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    // waitpid has no timeout; poll briefly (the child's exit is the condition waited on).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::optional<int> HostProcess::Stop(int signal, std::chrono::milliseconds timeout) {
  if (!exit_status_.has_value()) kill(pid_, signal);
  return Reap(timeout);
}

std::optional<int> HostProcess::Wait(std::chrono::milliseconds timeout) { return Reap(timeout); }

std::string HostProcess::Output() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  for (const auto& l : lines_) out += l + "\n";
  return out;
}

std::vector<pid_t> ProcessesMentioning(const std::string& needle) {
  std::vector<pid_t> found;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return found;
  while (dirent* e = readdir(proc)) {
    char* end = nullptr;
    const int64_t pid = std::strtoll(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 0 || pid == getpid()) continue;
    std::ifstream in(std::string("/proc/") + e->d_name + "/cmdline", std::ios::binary);
    std::stringstream cmd;
    cmd << in.rdbuf();
    std::string text = cmd.str();
    for (char& c : text) c = c == '\0' ? ' ' : c;
    if (text.find(needle) != std::string::npos) found.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  return found;
}

}  // namespace fgc::testing
