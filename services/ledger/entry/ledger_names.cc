#include "services/ledger/entry/ledger_names.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace fgc::ledger {
namespace {

// Splits `name` on '/' and checks that it is exactly `pattern`, where the pattern's odd
// positions are literal collection names and its even positions are IDs to capture (left empty
// in the pattern). Returns the captured IDs in order.
std::optional<std::vector<std::string>> MatchPattern(std::string_view name,
                                                     const std::vector<std::string_view>& pattern) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name.data(), name.size()), '/');
  if (parts.size() != pattern.size()) return std::nullopt;
  std::vector<std::string> ids;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string part(parts[i]);
    if (pattern[i].empty()) {
      if (!IsValidResourceId(part)) return std::nullopt;
      ids.push_back(std::move(part));
    } else if (part != pattern[i]) {
      return std::nullopt;
    }
  }
  return ids;
}

std::optional<int64_t> ParseCanonicalIndex(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(value);
}

}  // namespace

bool IsValidResourceId(std::string_view id) {
  if (id.empty() || id.size() > 63) return false;
  return std::ranges::all_of(
      id, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string ConferenceName::Format() const {
  return absl::StrCat("tenants/", tenant, "/conferences/", conference);
}

std::optional<ConferenceName> ParseConferenceName(std::string_view name) {
  auto ids = MatchPattern(name, {"tenants", "", "conferences", ""});
  if (!ids) return std::nullopt;
  return ConferenceName{(*ids)[0], (*ids)[1]};
}

std::string ChildName::ConferenceNameText() const {
  return ConferenceName{tenant, conference}.Format();
}

std::optional<ChildName> ParseChildName(std::string_view name) {
  auto ids = MatchPattern(name, {"tenants", "", "conferences", "", "children", ""});
  if (!ids) return std::nullopt;
  return ChildName{(*ids)[0], (*ids)[1], (*ids)[2]};
}

std::string MemberName::ConferenceNameText() const {
  return ConferenceName{tenant, conference}.Format();
}

std::optional<MemberName> ParseMemberName(std::string_view name) {
  auto ids = MatchPattern(name, {"tenants", "", "conferences", "", "members", ""});
  if (!ids) return std::nullopt;
  return MemberName{(*ids)[0], (*ids)[1], (*ids)[2]};
}

std::optional<EntryName> ParseEntryName(std::string_view name) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name.data(), name.size()), '/');
  if (parts.size() != 5 || parts[0] != "tenants" || parts[2] != "ledger" || parts[3] != "entries") {
    return std::nullopt;
  }
  if (!IsValidResourceId(std::string(parts[1]))) return std::nullopt;
  auto index = ParseCanonicalIndex(std::string(parts[4]));
  if (!index) return std::nullopt;
  return EntryName{std::string(parts[1]), *index};
}

std::string FormatEntryName(std::string_view tenant, int64_t index) {
  return absl::StrCat("tenants/", std::string(tenant), "/ledger/entries/", index);
}

std::string LedgerParentName(std::string_view tenant) {
  return absl::StrCat("tenants/", std::string(tenant), "/ledger");
}

}  // namespace fgc::ledger
