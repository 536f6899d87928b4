// The ListEntries filter (AIP-160 subset, as ledger_service.proto documents it): a conjunction
// of comparisons joined by AND on conference, subject, kind, index, occur_time and record_time.
// Pure: parsing and the page token know nothing of SQL or gRPC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::ledger {

struct EntryFilter {
  std::string conference;                            // empty: any
  std::string subject;                               // empty: any
  int kind = 0;                                      // fgc.v1.LedgerEntryKind; 0: any
  int64_t index_from = 0;                            // inclusive
  std::optional<int64_t> index_to;                   // exclusive
  std::optional<absl::Time> occur_from, occur_to;    // [from, to)
  std::optional<absl::Time> record_from, record_to;  // [from, to)
};

// INVALID_ARGUMENT (reason INVALID_FILTER, field "filter") naming what does not parse.
absl::StatusOr<EntryFilter> ParseEntryFilter(std::string_view text);

// Page tokens bind the next index to the filter they were made for (AIP-158: a token is valid
// only with the same request), and say nothing else.
std::string MakePageToken(int64_t next_index, std::string_view filter);
// INVALID_ARGUMENT (INVALID_PAGE_TOKEN) for a token not made by MakePageToken for `filter`.
absl::StatusOr<int64_t> ParsePageToken(std::string_view token, std::string_view filter);

}  // namespace fgc::ledger
