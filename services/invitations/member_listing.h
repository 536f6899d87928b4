// How ListNetworkMembers orders and filters a conference's network: the child first, then by
// display name (names are sealed, so this happens after they are opened, not in SQL), and the
// AIP-160 filter on `roles` and `restriction.kind`.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

using MemberFilter = std::function<bool(const v1::NetworkMember&)>;

// `roles = MEMBER_ROLE_...` (has the role), `restriction.kind = RESTRICTION_KIND_...`, each
// with `=` or `!=`, joined by AND. INVALID_ARGUMENT (INVALID_FILTER) otherwise.
absl::StatusOr<MemberFilter> ParseMemberFilter(const std::string& text);

// Sorts `members` in listing order: those with MEMBER_ROLE_CHILD first, then by display name,
// then by name (so the order is total and pages are stable).
void SortForListing(std::vector<v1::NetworkMember>& members);

}  // namespace fgc::invitations
