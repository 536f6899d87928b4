#include "services/invitations/member_listing.h"

#include <algorithm>
#include <tuple>

#include "common/listing/filter_comparisons.h"

namespace fgc::invitations {
namespace {

bool HasRole(const v1::NetworkMember& m, v1::MemberRole role) {
  return std::find(m.roles().begin(), m.roles().end(), role) != m.roles().end();
}

}  // namespace

absl::StatusOr<MemberFilter> ParseMemberFilter(const std::string& text) {
  auto comparisons = listing::ParseComparisons(text);
  if (!comparisons.ok()) return comparisons.status();
  std::vector<MemberFilter> tests;
  for (const listing::Comparison& c : *comparisons) {
    if (c.op != "=" && c.op != "!=") return listing::FilterError("use = or != here");
    const bool equal = c.op == "=";
    if (c.field == "roles") {
      v1::MemberRole role;
      if (!v1::MemberRole_Parse(c.value, &role)) {
        return listing::FilterError("roles takes a MEMBER_ROLE_ value");
      }
      tests.push_back([=](const v1::NetworkMember& m) { return HasRole(m, role) == equal; });
    } else if (c.field == "restriction.kind") {
      v1::RestrictionKind kind;
      if (!v1::RestrictionKind_Parse(c.value, &kind)) {
        return listing::FilterError("restriction.kind takes a RESTRICTION_KIND_ value");
      }
      tests.push_back(
          [=](const v1::NetworkMember& m) { return (m.restriction().kind() == kind) == equal; });
    } else {
      return listing::FilterError("filter on roles or restriction.kind");
    }
  }
  return MemberFilter([tests](const v1::NetworkMember& m) {
    return std::all_of(tests.begin(), tests.end(), [&](const MemberFilter& t) { return t(m); });
  });
}

void SortForListing(std::vector<v1::NetworkMember>& members) {
  std::sort(
      members.begin(), members.end(), [](const v1::NetworkMember& a, const v1::NetworkMember& b) {
        return std::make_tuple(!HasRole(a, v1::MEMBER_ROLE_CHILD), a.display_name(), a.name()) <
               std::make_tuple(!HasRole(b, v1::MEMBER_ROLE_CHILD), b.display_name(), b.name());
      });
}

}  // namespace fgc::invitations
