// JSON parsing for untrusted input (token headers and claims, JWKS files): never throws, and
// rejects duplicate member names, which nlohmann::json would otherwise resolve silently to
// the last one (so two parsers could read one token two ways).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::auth {

// INVALID_ARGUMENT for malformed JSON (invalid UTF-8 included), duplicate member names in any
// object, or nesting deeper than 32.
absl::StatusOr<nlohmann::json> ParseStrictJson(std::string_view text);

}  // namespace fgc::auth
