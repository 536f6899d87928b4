// AIP-158 page tokens: opaque to callers, they carry where the next page starts and are bound
// to the request they were made for (its filter, and whatever else shapes the list), so a
// token used with another request is refused rather than misread.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::listing {

// A token resuming at `cursor` (any text the list understands) for requests bound by
// `binding` (the filter, the parent...).
std::string MakePageToken(std::string_view cursor, std::string_view binding);

// The cursor of a token MakePageToken made for the same `binding`; INVALID_ARGUMENT
// (INVALID_PAGE_TOKEN, field page_token) for any other text.
absl::StatusOr<std::string> ParsePageToken(std::string_view token, std::string_view binding);

}  // namespace fgc::listing
