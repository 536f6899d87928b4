#include "common/base/log.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iterator>
#include <mutex>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace fgc::log {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::mutex g_write_mutex;
thread_local std::string t_request_id;

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void SetLevel(Level level) { g_level.store(static_cast<int>(level)); }

bool ParseLevel(std::string_view text, Level* level) {
  constexpr Level kLevels[] = {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError};
  const auto* found = std::ranges::find_if(kLevels, [&](Level l) { return text == LevelName(l); });
  if (found == std::end(kLevels)) return false;
  *level = *found;
  return true;
}

std::string Format(Level level, std::string_view message, std::string_view request_id,
                   std::initializer_list<Field> fields) {
  nlohmann::ordered_json j;
  j["ts"] = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  j["level"] = LevelName(level);
  j["msg"] = message;
  if (!request_id.empty()) j["request_id"] = request_id;
  for (const auto& [key, value] : fields) j[std::string(key)] = value;
  // Replace invalid UTF-8 rather than throw: a log line must never take the process down.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::string line = Format(level, message, t_request_id, fields);
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(g_write_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

ScopedRequestId::ScopedRequestId(std::string request_id) : previous_(std::move(t_request_id)) {
  t_request_id = std::move(request_id);
}

ScopedRequestId::~ScopedRequestId() { t_request_id = std::move(previous_); }

std::string_view CurrentRequestId() { return t_request_id; }

}  // namespace fgc::log
