// What a plan's content may hold (plan.proto's limits) and how UpdatePlanDraft's update_mask
// applies to it. Pure: no gRPC, no SQL.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "fgc/v1/plan.pb.h"

namespace fgc::plans {

// What the content is checked against: the conference it belongs to and the ids of its
// referral's bottom lines (Conference.referral.bottom_lines[].bottom_line_id).
struct ContentContext {
  std::string conference;                 // tenants/{tenant}/conferences/{conference}
  std::set<std::string> bottom_line_ids;  // known bottom lines
};

// True when `name` is a member of `conference`: `{conference}/members/{member}`, the member ID a
// lower-case letter then at most 62 lower-case letters, digits and hyphens.
bool IsMemberName(std::string_view name, std::string_view conference);

// Gives every item without an item_id one of the form `item-N` (the smallest N not taken), so
// ids stay stable across versions once assigned.
void AssignItemIds(v1::PlanContent& content);

// Checks a draft: every text within its limit (characters, strict UTF-8, no control characters
// but in free text), at most 200 items each with `what`, item ids well formed and unique,
// responsible members of this conference, dates valid calendar dates, bottom line responses
// each naming a known bottom line once, with item_ids and items' bottom_line_ids that exist,
// language a BCP 47 tag. INVALID_ARGUMENT (INVALID_FIELD) listing every violation, each field
// path prefixed with `at` (for example "plan.draft" or "draft").
absl::Status ValidateContent(const v1::PlanContent& content, const ContentContext& context,
                             std::string_view at);

// ValidateContent, and what a submission needs besides: a plan that says something (family
// words or at least one item). INVALID_ARGUMENT (INVALID_FIELD), paths under "draft".
absl::Status ValidateForSubmission(const v1::PlanContent& content, const ContentContext& context);

// The update_mask paths UpdatePlanDraft accepts: family_words, items, contingency, monitoring,
// bottom_line_responses, review_date, language_code, or `*` alone. INVALID_ARGUMENT
// (INVALID_UPDATE_MASK) naming the first bad path; an empty mask is INVALID_UPDATE_MASK too.
absl::Status ValidateDraftMask(const std::vector<std::string>& paths);

// Copies the fields named by `paths` (already validated) from `from` into `to`; repeated
// fields are replaced whole, `*` replaces everything.
void ApplyDraftMask(const std::vector<std::string>& paths, const v1::PlanContent& from,
                    v1::PlanContent& to);

}  // namespace fgc::plans
