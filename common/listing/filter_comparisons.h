// The AIP-160 subset every List filter in fgc accepts: comparisons joined by AND, each
// `field op value` with op one of = != < <= > >=, values bare words or double-quoted strings.
// Each List method gives the fields meaning; this only splits the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::listing {

struct Comparison {
  std::string field;
  std::string op;
  std::string value;  // unquoted, escapes resolved
};

// INVALID_ARGUMENT (INVALID_FILTER, field "filter") naming what does not parse; at most 2,000
// characters. An empty filter has no comparisons.
absl::StatusOr<std::vector<Comparison>> ParseComparisons(std::string_view text);

// The INVALID_FILTER error, with `why` as the field violation.
absl::Status FilterError(std::string_view why);

// Narrows [*from, *to) by a time comparison (>=, >, <, <=) with an RFC 3339 value.
absl::Status ApplyTimeRange(const Comparison& c, std::optional<absl::Time>* from,
                            std::optional<absl::Time>* to);

}  // namespace fgc::listing
