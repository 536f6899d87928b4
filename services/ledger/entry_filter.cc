#include "services/ledger/entry_filter.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/listing/filter_comparisons.h"
#include "common/listing/page_token.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {
namespace {

using listing::Comparison;

absl::Status Bad(std::string_view why) { return listing::FilterError(why); }

}  // namespace

absl::StatusOr<EntryFilter> ParseEntryFilter(std::string_view text) {
  auto comparisons = listing::ParseComparisons(text);
  if (!comparisons.ok()) return comparisons.status();
  EntryFilter f;
  for (const Comparison& c : *comparisons) {
    if (c.field == "conference" || c.field == "subject") {
      if (c.op != "=") return Bad(absl::StrCat(c.field, " takes ="));
      (c.field == "conference" ? f.conference : f.subject) = c.value;
    } else if (c.field == "kind") {
      v1::LedgerEntryKind kind;
      if (c.op != "=" || !v1::LedgerEntryKind_Parse(c.value, &kind) ||
          kind == v1::LEDGER_ENTRY_KIND_UNSPECIFIED) {
        return Bad("kind takes = and a LEDGER_ENTRY_KIND_ value");
      }
      f.kind = kind;
    } else if (c.field == "index") {
      int64_t n;
      if (!absl::SimpleAtoi(c.value, &n) || n < 0) return Bad("index takes a whole number");
      if (c.op == ">=")
        f.index_from = std::max(f.index_from, n);
      else if (c.op == ">")
        f.index_from = std::max(f.index_from, n + 1);
      else if (c.op == "<")
        f.index_to = n;
      else if (c.op == "<=")
        f.index_to = n + 1;
      else if (c.op == "=")
        f.index_from = n, f.index_to = n + 1;
      else
        return Bad("index takes =, >=, >, < or <=");
    } else if (c.field == "occur_time") {
      if (absl::Status s = listing::ApplyTimeRange(c, &f.occur_from, &f.occur_to); !s.ok())
        return s;
    } else if (c.field == "record_time") {
      if (absl::Status s = listing::ApplyTimeRange(c, &f.record_from, &f.record_to); !s.ok())
        return s;
    } else {
      return Bad(absl::StrCat("unknown field ", c.field,
                              "; filter on conference, subject, kind, index, occur_time or "
                              "record_time"));
    }
  }
  return f;
}

std::string MakePageToken(int64_t next_index, std::string_view filter) {
  return listing::MakePageToken(absl::StrCat(next_index), filter);
}

absl::StatusOr<int64_t> ParsePageToken(std::string_view token, std::string_view filter) {
  auto cursor = listing::ParsePageToken(token, filter);
  if (!cursor.ok()) return cursor.status();
  int64_t index;
  if (!absl::SimpleAtoi(*cursor, &index) || index < 0) {
    return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not one this list gave",
                           {{"page_token", "use the next_page_token of the same list"}});
  }
  return index;
}

}  // namespace fgc::ledger
