// What changed between two versions of a plan, item by item, for DiffPlanVersions: structured
// changes plus one readable sentence each. Pure: no gRPC, no SQL.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fgc/v1/plan.pb.h"

namespace fgc::plans {

struct PlanDiff {
  // Plan-level fields first (family_words, contingency, monitoring, bottom_line_responses,
  // review_date, language_code), then items in `after`'s order (added whole, or changed field
  // by field: what, who, responsible_members, due_date, timing, how_we_will_know,
  // bottom_line_ids), then items removed (in `before`'s order). Empty when they say the same.
  std::vector<v1::PlanChange> changes;
  // The changes' descriptions, one per line (each ending in '\n'); empty when none.
  std::string summary;
};

// Compares `before` (the earlier version) with `after`. Items are matched by item_id. Values
// are rendered as text: dates as "3 March 2025", lists joined by ", ", long text kept whole in
// before/after but shortened (to about 80 characters, on a character boundary, with "…") in the
// description. Descriptions are in English; `language_code` is accepted for the contract and
// other languages fall back to English.
PlanDiff DiffPlanContents(const v1::PlanContent& before, const v1::PlanContent& after,
                          std::string_view language_code);

// A calendar date as people read it: "3 March 2025"; "" for an unset date.
std::string DateText(const google::type::Date& date);

// `text` cut to at most `max_chars` characters on a character (code point) boundary, ending in
// "…" when cut; unchanged when it fits.
std::string Shortened(std::string_view text, size_t max_chars);

}  // namespace fgc::plans
