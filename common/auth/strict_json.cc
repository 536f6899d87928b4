#include "common/auth/strict_json.h"

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace fgc::auth {
namespace {
constexpr size_t kMaxDepth = 32;
}  // namespace

absl::StatusOr<nlohmann::json> ParseStrictJson(std::string_view text) {
  // One set of member names per open object; arrays push an empty set to keep depth aligned.
  std::vector<std::set<std::string>> open;
  bool rejected = false;
  auto callback = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                      nlohmann::json& parsed) -> bool {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        open.emplace_back();
        if (open.size() > kMaxDepth) rejected = true;
        break;
      case Event::object_end:
      case Event::array_end:
        if (!open.empty()) open.pop_back();
        break;
      case Event::key:
        if (open.empty() || !open.back().insert(parsed.get<std::string>()).second) {
          rejected = true;
        }
        break;
      case Event::value:
        break;
    }
    return true;
  };
  try {
    nlohmann::json parsed = nlohmann::json::parse(text.begin(), text.end(), callback,
                                                  /*allow_exceptions=*/false);
    if (parsed.is_discarded() || rejected) return absl::InvalidArgumentError("invalid JSON");
    return parsed;
  } catch (const std::exception&) {
    // Deep nesting can still throw from inside the parser; nothing escapes this module.
    return absl::InvalidArgumentError("invalid JSON");
  }
}

}  // namespace fgc::auth
