// AddNetworkMember's and UpdateNetworkMember's member, checked whole so a coordinator learns of
// every bad field at once (INVALID_ARGUMENT, INVALID_FIELD, paths such as
// "member.contacts[1].value"). Pure.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

// `conference` is the member's conference (`tenants/{t}/conferences/{c}`): the child and the
// related members they name must be of it.
absl::Status ValidateMember(const v1::NetworkMember& member, const std::string& conference);

}  // namespace fgc::invitations
