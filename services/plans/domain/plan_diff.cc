#include "services/plans/domain/plan_diff.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "common/base/field_violations.h"

namespace fgc::plans {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";  // U+2026
// How much of a value a description shows.
constexpr size_t kShownChars = 80;

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

using Strings = google::protobuf::RepeatedPtrField<std::string>;

// One side of a change: the value whole (PlanChange.before/after) and as the sentence shows it.
struct Side {
  std::string text;
  std::string shown;
};

// Line breaks and other control characters as single spaces, so that a description stays on
// its line of the summary.
std::string OnOneLine(std::string_view text) {
  std::string line;
  bool in_space = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      if (!in_space) line += ' ';
      in_space = true;
    } else {
      line += c;
      in_space = false;
    }
  }
  return line;
}

Side Quoted(std::string text) {
  Side side{std::move(text), ""};
  if (!side.text.empty()) {
    side.shown = absl::StrCat("\"", Shortened(OnOneLine(side.text), kShownChars), "\"");
  }
  return side;
}

Side Plain(std::string text, std::string shown) {
  return {std::move(text), Shortened(OnOneLine(shown), kShownChars)};
}

Side Plain(std::string text) {
  std::string shown = text;
  return Plain(std::move(text), std::move(shown));
}

Side DateSide(const google::type::Date& date) { return Plain(DateText(date)); }

Side ListSide(const Strings& values) { return Plain(absl::StrJoin(values, ", ")); }

// Members by their resource names in full, and by their member IDs in the sentence.
Side MembersSide(const Strings& members) {
  std::vector<std::string> ids;
  for (const std::string& member : members) ids.push_back(member.substr(member.rfind('/') + 1));
  return Plain(absl::StrJoin(members, ", "), absl::StrJoin(ids, ", "));
}

// Responses are sentences with commas of their own, so they are joined by "; ".
Side ResponsesSide(const google::protobuf::RepeatedPtrField<v1::BottomLineResponse>& responses) {
  std::vector<std::string> texts;
  for (const v1::BottomLineResponse& r : responses) {
    std::string text = absl::StrCat(r.bottom_line_id(), ": ", r.response());
    if (!r.item_ids().empty()) {
      absl::StrAppend(&text, " (items: ", absl::StrJoin(r.item_ids(), ", "), ")");
    }
    texts.push_back(std::move(text));
  }
  return Quoted(absl::StrJoin(texts, "; "));
}

// Lists whose order carries no meaning compare as sets.
bool SameSet(const Strings& a, const Strings& b) {
  std::vector<std::string> x(a.begin(), a.end());
  std::vector<std::string> y(b.begin(), b.end());
  std::ranges::sort(x);
  std::ranges::sort(y);
  return x == y;
}

bool SameResponses(const google::protobuf::RepeatedPtrField<v1::BottomLineResponse>& a,
                   const google::protobuf::RepeatedPtrField<v1::BottomLineResponse>& b) {
  const auto by_id = [](const auto& responses) {
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> map;
    for (const v1::BottomLineResponse& r : responses) {
      std::vector<std::string> items(r.item_ids().begin(), r.item_ids().end());
      std::ranges::sort(items);
      map.emplace(r.bottom_line_id(), std::make_pair(r.response(), std::move(items)));
    }
    return map;
  };
  return a.size() == b.size() && by_id(a) == by_id(b);
}

// How a sentence names an item: its wording, else its id.
std::string ItemName(const v1::PlanItem& item) {
  return item.what().empty() ? item.item_id() : Quoted(item.what()).shown;
}

bool IsUnset(const google::type::Date& date) {
  return date.year() == 0 && date.month() == 0 && date.day() == 0;
}

class DiffWriter {
 public:
  // One field that differs. `item` is the item's phrase ("Item \"…\"") or empty for a
  // plan-level field, whose label then opens the sentence.
  void Field(const std::string& item_id, const std::string& item, absl::string_view field,
             absl::string_view label, const Side& before, const Side& after) {
    v1::PlanChange& change = diff_.changes.emplace_back();
    change.set_item_id(item_id);
    change.set_field(std::string(field));
    change.set_before(before.text);
    change.set_after(after.text);
    const std::string subject = item.empty() ? std::string(label) : absl::StrCat(item, ": ", label);
    if (before.text.empty()) {
      change.set_kind(v1::PLAN_CHANGE_KIND_ADDED);
      change.set_description(absl::StrCat(subject, " added: ", after.shown, "."));
    } else if (after.text.empty()) {
      change.set_kind(v1::PLAN_CHANGE_KIND_REMOVED);
      change.set_description(absl::StrCat(subject, " removed (was ", before.shown, ")."));
    } else {
      change.set_kind(v1::PLAN_CHANGE_KIND_CHANGED);
      change.set_description(
          absl::StrCat(subject, " changed from ", before.shown, " to ", after.shown, "."));
    }
  }

  // A whole item added or removed.
  void Item(v1::PlanChangeKind kind, const v1::PlanItem& item) {
    v1::PlanChange& change = diff_.changes.emplace_back();
    change.set_kind(kind);
    change.set_item_id(item.item_id());
    const bool added = kind == v1::PLAN_CHANGE_KIND_ADDED;
    (added ? change.mutable_after() : change.mutable_before())->assign(ItemText(item));
    change.set_description(
        absl::StrCat(added ? "Added item " : "Removed item ", ItemName(item), "."));
  }

  PlanDiff Finish() && {
    for (const v1::PlanChange& change : diff_.changes) {
      absl::StrAppend(&diff_.summary, change.description(), "\n");
    }
    return std::move(diff_);
  }

 private:
  // The item whole, one "label: value" line per field it has.
  static std::string ItemText(const v1::PlanItem& item) {
    std::vector<std::string> lines = {absl::StrCat("what: ", item.what())};
    const auto line = [&](absl::string_view label, const std::string& value) {
      if (!value.empty()) lines.push_back(absl::StrCat(label, ": ", value));
    };
    line("who", item.who());
    line("responsible people", absl::StrJoin(item.responsible_members(), ", "));
    line("by when", DateText(item.due_date()));
    line("timing", item.timing());
    line("how we will know", item.how_we_will_know());
    line("bottom lines", absl::StrJoin(item.bottom_line_ids(), ", "));
    return absl::StrJoin(lines, "\n");
  }

  PlanDiff diff_;
};

void DiffPlanFields(const v1::PlanContent& a, const v1::PlanContent& b, DiffWriter& out) {
  const auto text = [&](absl::string_view field, absl::string_view label, const std::string& x,
                        const std::string& y) {
    if (x != y) out.Field("", "", field, label, Quoted(x), Quoted(y));
  };
  text("family_words", "Family's words", a.family_words(), b.family_words());
  text("contingency", "Contingency", a.contingency(), b.contingency());
  text("monitoring", "Monitoring", a.monitoring(), b.monitoring());
  if (!SameResponses(a.bottom_line_responses(), b.bottom_line_responses())) {
    out.Field("", "", "bottom_line_responses", "Bottom lines",
              ResponsesSide(a.bottom_line_responses()), ResponsesSide(b.bottom_line_responses()));
  }
  if (DateText(a.review_date()) != DateText(b.review_date())) {
    out.Field("", "", "review_date", "Review date", DateSide(a.review_date()),
              DateSide(b.review_date()));
  }
  if (a.language_code() != b.language_code()) {
    out.Field("", "", "language_code", "Language", Plain(a.language_code()),
              Plain(b.language_code()));
  }
}

void DiffItem(const v1::PlanItem& a, const v1::PlanItem& b, DiffWriter& out) {
  const std::string item = absl::StrCat("Item ", ItemName(b));
  const std::string& id = b.item_id();
  if (a.what() != b.what()) out.Field(id, item, "what", "what", Quoted(a.what()), Quoted(b.what()));
  if (a.who() != b.who()) out.Field(id, item, "who", "who", Quoted(a.who()), Quoted(b.who()));
  if (!SameSet(a.responsible_members(), b.responsible_members())) {
    out.Field(id, item, "responsible_members", "responsible people",
              MembersSide(a.responsible_members()), MembersSide(b.responsible_members()));
  }
  if (DateText(a.due_date()) != DateText(b.due_date())) {
    out.Field(id, item, "due_date", "by when", DateSide(a.due_date()), DateSide(b.due_date()));
  }
  if (a.timing() != b.timing()) {
    out.Field(id, item, "timing", "timing", Quoted(a.timing()), Quoted(b.timing()));
  }
  if (a.how_we_will_know() != b.how_we_will_know()) {
    out.Field(id, item, "how_we_will_know", "how we will know", Quoted(a.how_we_will_know()),
              Quoted(b.how_we_will_know()));
  }
  if (!SameSet(a.bottom_line_ids(), b.bottom_line_ids())) {
    out.Field(id, item, "bottom_line_ids", "bottom lines", ListSide(a.bottom_line_ids()),
              ListSide(b.bottom_line_ids()));
  }
}

}  // namespace

PlanDiff DiffPlanContents(const v1::PlanContent& before, const v1::PlanContent& after,
                          std::string_view /*language_code: English only for now*/) {
  DiffWriter out;
  DiffPlanFields(before, after, out);
  // Items are the same item across versions by item_id; one without an id matches nothing.
  std::map<std::string, int> earlier;
  for (int i = 0; i < before.items_size(); ++i) {
    if (!before.items(i).item_id().empty()) earlier.emplace(before.items(i).item_id(), i);
  }
  std::vector<bool> matched(before.items_size(), false);
  for (const v1::PlanItem& item : after.items()) {
    const auto found = earlier.find(item.item_id());
    if (found == earlier.end() || matched[found->second]) {
      out.Item(v1::PLAN_CHANGE_KIND_ADDED, item);
      continue;
    }
    matched[found->second] = true;
    DiffItem(before.items(found->second), item, out);
  }
  for (int i = 0; i < before.items_size(); ++i) {
    if (!matched[i]) out.Item(v1::PLAN_CHANGE_KIND_REMOVED, before.items(i));
  }
  return std::move(out).Finish();
}

std::string DateText(const google::type::Date& date) {
  if (IsUnset(date)) return "";
  if (date.month() < 1 || date.month() > 12) {
    return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
  }
  std::string text;
  if (date.day() > 0) absl::StrAppend(&text, date.day(), " ");
  absl::StrAppend(&text, kMonths[date.month() - 1]);
  if (date.year() > 0) absl::StrAppend(&text, " ", date.year());
  return text;
}

std::string Shortened(std::string_view text, size_t max_chars) {
  if (CountCodePoints(text) <= max_chars) return std::string(text);
  if (max_chars == 0) return "";
  // Keep max_chars - 1 characters: the ellipsis is the last one.
  size_t kept = 0;
  size_t end = 0;
  for (; end < text.size(); ++end) {
    const bool starts_character = (static_cast<uint8_t>(text[end]) & 0xC0) != 0x80;
    if (starts_character && kept++ == max_chars - 1) break;
  }
  return absl::StrCat(absl::StripTrailingAsciiWhitespace(absl::string_view(text.data(), end)),
                      kEllipsis);
}

}  // namespace fgc::plans
