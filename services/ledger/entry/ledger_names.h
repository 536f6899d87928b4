// The resource names a ledger entry carries (common.proto, "Resource names"): parsing with the
// tenant and nesting rules the ledger relies on, and formatting entry names from indexes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fgc::ledger {

// True for a resource ID: 1-63 characters of lower-case letters, digits and hyphens.
bool IsValidResourceId(std::string_view id);

// `tenants/{tenant}/conferences/{conference}`.
struct ConferenceName {
  std::string tenant;
  std::string conference;
  std::string Format() const;
};
std::optional<ConferenceName> ParseConferenceName(std::string_view name);

// `tenants/{tenant}/conferences/{conference}/children/{child}`.
struct ChildName {
  std::string tenant;
  std::string conference;
  std::string child;
  std::string ConferenceNameText() const;  // the conference it is inside
};
std::optional<ChildName> ParseChildName(std::string_view name);

// `tenants/{tenant}/conferences/{conference}/members/{member}`.
struct MemberName {
  std::string tenant;
  std::string conference;
  std::string member;
  std::string ConferenceNameText() const;
};
std::optional<MemberName> ParseMemberName(std::string_view name);

// `tenants/{tenant}/ledger/entries/{index}`, the index in canonical decimal (no sign, no
// leading zeros, at most INT64_MAX).
struct EntryName {
  std::string tenant;
  int64_t index = 0;
};
std::optional<EntryName> ParseEntryName(std::string_view name);
std::string FormatEntryName(std::string_view tenant, int64_t index);

// `tenants/{tenant}/ledger`, the parent of a tenant's entries.
std::string LedgerParentName(std::string_view tenant);

}  // namespace fgc::ledger
