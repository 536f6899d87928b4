// The input rules of AddNetworkMember and UpdateNetworkMember (network.proto, field by field):
// every bad field reported at once as INVALID_ARGUMENT (INVALID_FIELD) with paths such as
// "member.contacts[1].value". Pure: time zones come from the system's IANA database.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

// Checks `member` as sent under the request field `field` (normally "member"). `conference`
// is its conference, `tenants/{t}/conferences/{c}`: `child` and related members must be of
// it, and a member may not name themselves (by `member.name()`, when set). Output-only fields
// are not looked at; for an update, check the member as it will be after the mask is applied.
absl::Status ValidateNetworkMember(const v1::NetworkMember& member, const std::string& conference,
                                   const std::string& field = "member");

// AddNetworkMember's `member_id`: empty (the service picks one) or 1-63 lower-case letters,
// digits and hyphens, starting with a letter. INVALID_ARGUMENT (INVALID_FIELD) otherwise.
absl::Status ValidateMemberId(const std::string& member_id);

// UpdateNetworkMember's `update_mask`: at least one path, each one of the fields it may change,
// and not `*`. INVALID_ARGUMENT (INVALID_UPDATE_MASK) otherwise.
absl::Status ValidateMemberUpdateMask(const std::vector<std::string>& paths);

// True for a well-formed BCP 47 language tag (RFC 5646 syntax; not checked against the
// registry): "cy", "pl", "pt-BR", "zh-Hant-TW", "bfi", "sr-Latn".
bool IsLanguageTag(const std::string& tag);

// True for a name in the IANA time zone database this host has, such as "Europe/Warsaw".
bool IsIanaTimeZone(const std::string& name);

}  // namespace fgc::invitations
