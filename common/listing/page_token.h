// AIP-158 page tokens: opaque to callers, they carry where the next page starts and are bound
// to the request they were made for (its filter, and whatever else shapes the list), so a
// token used with another request is refused rather than misread.
#pragma once

#include <cstddef>
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

// A page of a list served from memory (one small enough to read whole, or ordered by values
// only known once opened): where the page starts and how many items it holds.
struct OffsetPage {
  size_t offset = 0;
  size_t size = 0;
};

// The page a request asks for: `page_size` 0 for `default_size`, capped at `max_size`, negative
// INVALID_ARGUMENT; `page_token` empty for the first page or a NextOffsetPageToken for the same
// `binding`.
absl::StatusOr<OffsetPage> ParseOffsetPage(int page_size, std::string_view page_token,
                                           std::string_view binding, int default_size,
                                           int max_size);

// The token of the page after `page` in a list of `total` items; empty when `page` is the last.
std::string NextOffsetPageToken(const OffsetPage& page, size_t total, std::string_view binding);

}  // namespace fgc::listing
