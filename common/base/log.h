// Structured JSON logs, one object per line on stderr, carrying the request id of the call
// they belong to. Secrets are never passed to the logger: fields are what callers choose.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace fgc::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// Sets the least level written (default info). Thread-safe.
void SetLevel(Level level);
bool ParseLevel(std::string_view text, Level* level);

using Field = std::pair<std::string_view, std::string_view>;

// Writes {"ts":...,"level":...,"msg":...,"request_id":...,<fields>} as one line. Lines from
// concurrent threads never interleave.
void Write(Level level, std::string_view message, std::initializer_list<Field> fields = {});

inline void Debug(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kDebug, m, f);
}
inline void Info(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kInfo, m, f);
}
inline void Warn(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kWarn, m, f);
}
inline void Error(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kError, m, f);
}

// The request id logs on this thread carry while a ScopedRequestId lives.
class ScopedRequestId {
 public:
  explicit ScopedRequestId(std::string request_id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string previous_;
};

std::string_view CurrentRequestId();

// Renders one log line (without the newline); exposed for tests.
std::string Format(Level level, std::string_view message, std::string_view request_id,
                   std::initializer_list<Field> fields);

}  // namespace fgc::log
