#include "services/plans/domain/plan_content_rules.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/checks/common_messages.h"

namespace fgc::plans {
namespace {

using checks::Given;

constexpr int kMaxItems = 200;
constexpr size_t kMaxFamilyWordsChars = 50000;
constexpr size_t kMaxContingencyChars = 10000;
constexpr size_t kMaxMonitoringChars = 5000;
constexpr size_t kMaxWhatChars = 2000;
constexpr size_t kMaxWhoChars = 500;
constexpr size_t kMaxTimingChars = 500;
constexpr size_t kMaxHowWeWillKnowChars = 2000;
constexpr size_t kMaxResponseChars = 5000;

constexpr std::array<std::string_view, 7> kDraftFields = {
    "family_words",          "items",       "contingency",  "monitoring",
    "bottom_line_responses", "review_date", "language_code"};

std::string Path(std::string_view at, std::string_view field) {
  return at.empty() ? std::string(field) : absl::StrCat(std::string(at), ".", std::string(field));
}

std::string Indexed(const std::string& path, int i) { return absl::StrCat(path, "[", i, "]"); }

bool IsIdCharacter(char c) { return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-'; }

// An item_id: 1-63 lower-case letters, digits and hyphens (plan.proto).
bool IsItemId(std::string_view id) {
  return !id.empty() && id.size() <= 63 && std::ranges::all_of(id, IsIdCharacter);
}

// An unset date (all zero) is fine; a set one must be a whole calendar date.
void CheckDate(FieldViolations& v, const std::string& field, const google::type::Date& date) {
  const bool unset = date.year() == 0 && date.month() == 0 && date.day() == 0;
  if (!unset && !checks::IsCalendarDate(date))
    v.Add(field, "must be a calendar date with year, month and day");
}

// Each of `values` must be `known` and listed once.
template <typename Known>
void CheckReferences(FieldViolations& v, const std::string& path,
                     const google::protobuf::RepeatedPtrField<std::string>& values, Known known,
                     std::string_view unknown) {
  std::set<std::string> seen;
  for (int i = 0; i < values.size(); ++i) {
    if (!known(values[i])) {
      v.Add(Indexed(path, i), std::string(unknown));
    } else if (!seen.insert(values[i]).second) {
      v.Add(Indexed(path, i), "listed twice");
    }
  }
}

void CheckItem(FieldViolations& v, const std::string& path, const v1::PlanItem& item,
               const ContentContext& context, std::set<std::string>& item_ids) {
  if (!item.item_id().empty()) {
    if (!IsItemId(item.item_id())) {
      v.Add(path + ".item_id", "must be 1-63 lower-case letters, digits and hyphens");
    } else if (!item_ids.insert(item.item_id()).second) {
      v.Add(path + ".item_id", "another item already has this ID");
    }
  }
  v.Text(path + ".what", Given(item.what()), kMaxWhatChars, true, TextShape::kMultiLine);
  v.Text(path + ".who", item.who(), kMaxWhoChars, false);
  CheckReferences(
      v, path + ".responsible_members", item.responsible_members(),
      [&](const std::string& name) { return IsMemberName(name, context.conference); },
      "must be a member of this conference, tenants/{tenant}/conferences/{conference}/members/"
      "{member}");
  CheckDate(v, path + ".due_date", item.due_date());
  v.Text(path + ".timing", item.timing(), kMaxTimingChars, false);
  v.Text(path + ".how_we_will_know", item.how_we_will_know(), kMaxHowWeWillKnowChars, false,
         TextShape::kMultiLine);
  CheckReferences(
      v, path + ".bottom_line_ids", item.bottom_line_ids(),
      [&](const std::string& id) { return context.bottom_line_ids.contains(id); },
      "not a bottom line of this conference's referral");
}

void CheckResponses(FieldViolations& v, const std::string& path, const v1::PlanContent& content,
                    const ContentContext& context, const std::set<std::string>& item_ids) {
  std::set<std::string> answered;
  for (int i = 0; i < content.bottom_line_responses_size(); ++i) {
    const v1::BottomLineResponse& response = content.bottom_line_responses(i);
    const std::string at = Indexed(path, i);
    const std::string& id = response.bottom_line_id();
    if (id.empty()) {
      v.Add(at + ".bottom_line_id", "required");
    } else if (!context.bottom_line_ids.contains(id)) {
      v.Add(at + ".bottom_line_id", "not a bottom line of this conference's referral");
    } else if (!answered.insert(id).second) {
      v.Add(at + ".bottom_line_id", "this bottom line already has a response");
    }
    v.Text(at + ".response", Given(response.response()), kMaxResponseChars, true,
           TextShape::kMultiLine);
    CheckReferences(
        v, at + ".item_ids", response.item_ids(),
        [&](const std::string& item_id) { return item_ids.contains(item_id); },
        "not an item of this plan");
  }
}

void CheckContent(FieldViolations& v, const v1::PlanContent& content, const ContentContext& context,
                  std::string_view at) {
  v.Text(Path(at, "family_words"), content.family_words(), kMaxFamilyWordsChars, false,
         TextShape::kMultiLine);
  const std::string items = Path(at, "items");
  if (content.items_size() > kMaxItems) v.Add(items, absl::StrCat("at most ", kMaxItems, " items"));
  std::set<std::string> item_ids;
  for (int i = 0; i < content.items_size() && i < kMaxItems; ++i) {
    CheckItem(v, Indexed(items, i), content.items(i), context, item_ids);
  }
  v.Text(Path(at, "contingency"), content.contingency(), kMaxContingencyChars, false,
         TextShape::kMultiLine);
  v.Text(Path(at, "monitoring"), content.monitoring(), kMaxMonitoringChars, false,
         TextShape::kMultiLine);
  CheckResponses(v, Path(at, "bottom_line_responses"), content, context, item_ids);
  CheckDate(v, Path(at, "review_date"), content.review_date());
  v.LanguageTag(Path(at, "language_code"), content.language_code());
}

}  // namespace

bool IsMemberName(std::string_view name, std::string_view conference) {
  const std::string prefix = std::string(conference) + "/members/";
  if (conference.empty() || !name.starts_with(prefix)) return false;
  const std::string_view id = name.substr(prefix.size());
  return !id.empty() && id.size() <= 63 && absl::ascii_islower(id.front()) &&
         std::ranges::all_of(id, IsIdCharacter);
}

void AssignItemIds(v1::PlanContent& content) {
  std::set<std::string> taken;
  for (const v1::PlanItem& item : content.items()) {
    if (!item.item_id().empty()) taken.insert(item.item_id());
  }
  int next = 1;
  for (v1::PlanItem& item : *content.mutable_items()) {
    if (!item.item_id().empty()) continue;
    while (taken.contains(absl::StrCat("item-", next))) ++next;
    item.set_item_id(absl::StrCat("item-", next));
    taken.insert(item.item_id());
  }
}

absl::Status ValidateContent(const v1::PlanContent& content, const ContentContext& context,
                             std::string_view at) {
  FieldViolations v;
  CheckContent(v, content, context, at);
  return v.ToStatus("the plan has fields to correct");
}

absl::Status ValidateForSubmission(const v1::PlanContent& content, const ContentContext& context) {
  FieldViolations v;
  CheckContent(v, content, context, "draft");
  if (Given(content.family_words()).empty() && content.items_size() == 0) {
    v.Add("draft", "the plan says nothing yet: write the family's words or at least one item");
  }
  return v.ToStatus("the plan cannot be submitted as it is");
}

absl::Status ValidateDraftMask(const std::vector<std::string>& paths) {
  if (paths.empty()) {
    return InvalidArgument("INVALID_UPDATE_MASK", "the update mask names no field",
                           {{"update_mask", "name the draft fields to change, or * for all"}});
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    if (path == "*" ? paths.size() == 1
                    : std::ranges::find(kDraftFields, path) != kDraftFields.end()) {
      continue;
    }
    const std::string description =
        path == "*" ? "* replaces the whole draft and must be the only path"
                    : "not a draft field: use family_words, items, contingency, monitoring, "
                      "bottom_line_responses, review_date or language_code";
    return InvalidArgument("INVALID_UPDATE_MASK",
                           absl::StrCat("the update mask cannot name \"", path, "\""),
                           {{absl::StrCat("update_mask.paths[", i, "]"), description}});
  }
  return absl::OkStatus();
}

void ApplyDraftMask(const std::vector<std::string>& paths, const v1::PlanContent& from,
                    v1::PlanContent& to) {
  for (const std::string& path : paths) {
    if (path == "*") {
      to = from;
    } else if (path == "family_words") {
      to.set_family_words(from.family_words());
    } else if (path == "items") {
      *to.mutable_items() = from.items();
    } else if (path == "contingency") {
      to.set_contingency(from.contingency());
    } else if (path == "monitoring") {
      to.set_monitoring(from.monitoring());
    } else if (path == "bottom_line_responses") {
      *to.mutable_bottom_line_responses() = from.bottom_line_responses();
    } else if (path == "review_date") {
      if (from.has_review_date()) {
        *to.mutable_review_date() = from.review_date();
      } else {
        to.clear_review_date();
      }
    } else if (path == "language_code") {
      to.set_language_code(from.language_code());
    }
  }
}

}  // namespace fgc::plans
