#include "common/crypto/private_file.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"

namespace fgc::crypto {
namespace {

absl::Status ErrnoError(const char* what, const std::filesystem::path& path, int err) {
  return absl::InternalError(absl::StrCat(what, " ", path.string(), ": ", std::strerror(err)));
}

// Closes a file descriptor on every path out of a function.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

absl::Status WriteAll(int fd, std::string_view contents, const std::filesystem::path& path) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("cannot write", path, errno);
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  if (::fsync(fd) != 0) return ErrnoError("cannot sync", path, errno);
  return absl::OkStatus();
}

// Makes a completed link durable: the directory entry must reach the disk too.
void SyncDirectory(const std::filesystem::path& dir) {
  const FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

}  // namespace

absl::Status EnsurePrivateDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return absl::OkStatus();
  if (dir.has_parent_path()) {
    std::filesystem::create_directories(dir.parent_path(), ec);
    if (ec)
      return absl::InternalError(absl::StrCat("cannot create ", dir.string(), ": ", ec.message()));
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return ErrnoError("cannot create", dir, errno);
  }
  if (!std::filesystem::is_directory(dir, ec)) {
    return absl::InternalError(absl::StrCat(dir.string(), " exists and is not a directory"));
  }
  return absl::OkStatus();
}

absl::Status CreatePrivateFile(const std::filesystem::path& path, std::string_view contents) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return absl::AlreadyExistsError(absl::StrCat(path.string(), " already exists"));
  }
  absl::StatusOr<std::string> suffix = RandomBytes(8);
  if (!suffix.ok()) return suffix.status();
  const std::filesystem::path temp = path.string() + ".tmp-" + HexEncode(*suffix);
  {
    const FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) return ErrnoError("cannot create", temp, errno);
    // The mode given to open() is filtered by the umask; 0600 must hold whatever it is.
    if (::fchmod(fd.get(), 0600) != 0) {
      const int err = errno;
      ::unlink(temp.c_str());
      return ErrnoError("cannot chmod", temp, err);
    }
    if (absl::Status written = WriteAll(fd.get(), contents, temp); !written.ok()) {
      ::unlink(temp.c_str());
      return written;
    }
  }
  // link() fails with EEXIST instead of replacing, which rename() would do.
  const int linked = ::link(temp.c_str(), path.c_str());
  const int err = errno;
  ::unlink(temp.c_str());
  if (linked != 0) {
    if (err == EEXIST) {
      return absl::AlreadyExistsError(absl::StrCat(path.string(), " already exists"));
    }
    return ErrnoError("cannot create", path, err);
  }
  SyncDirectory(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadPrivateFile(const std::filesystem::path& path) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return absl::NotFoundError(absl::StrCat(path.string(), " does not exist"));
    return ErrnoError("cannot open", path, errno);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return ErrnoError("cannot stat", path, errno);
  if (!S_ISREG(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(path.string(), " is not a regular file"));
  }
  if ((info.st_mode & 077) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        path.string(), " is accessible by group or others; run: chmod 600 ", path.string()));
  }
  std::string contents;
  contents.reserve(static_cast<size_t>(info.st_size) + 1);  // no reallocation copies of a secret
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("cannot read", path, errno);
    }
    if (n == 0) break;
    contents.append(buffer, static_cast<size_t>(n));
  }
  OPENSSL_cleanse(buffer, sizeof buffer);
  return contents;
}

}  // namespace fgc::crypto
