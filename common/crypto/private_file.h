// Files that hold secrets (key-encryption key, private keys) in the state directory: created
// 0600 in a 0700 directory, written whole or not at all, never silently replaced.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace fgc::crypto {

// Creates `dir` (and missing parents) so that `dir` itself is 0700. An existing directory is
// left as it is. INTERNAL with the path on a filesystem error.
absl::Status EnsurePrivateDirectory(const std::filesystem::path& dir);

// Creates `path` with mode 0600 holding exactly `contents`. Atomic and exclusive: the bytes
// are written to a temporary file, synced, then linked into place, so a reader never sees a
// partial file and of two concurrent creators exactly one wins; the other gets ALREADY_EXISTS
// (as does any call when `path` exists). The parent directory must exist.
absl::Status CreatePrivateFile(const std::filesystem::path& path, std::string_view contents);

// Reads a secret file. NOT_FOUND if absent; FAILED_PRECONDITION if group or others may read
// or write it (fix with chmod 600), so a leaked permission is noticed rather than used.
absl::StatusOr<std::string> ReadPrivateFile(const std::filesystem::path& path);

}  // namespace fgc::crypto
