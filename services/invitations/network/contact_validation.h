// The rules for a person's contact channels (common.proto ContactChannel and Address): email
// addresses, E.164 numbers, postal addresses, one preferred channel.
#pragma once

#include <string>

#include "fgc/v1/network.pb.h"
#include "services/invitations/network/violation_list.h"

namespace fgc::invitations {

// An RFC 5322 addr-spec in dot-atom form (no quoted local parts, no comments, no IP-literal
// domains), at most 254 characters, with a dotted domain name.
bool IsEmailAddress(const std::string& text);

// E.164: "+", then 7-15 digits, the first not 0.
bool IsE164Number(const std::string& text);

// Adds a violation for each bad channel of `contacts` (at most 10), paths under `field`
// ("member.contacts[1].value").
void CheckContacts(const google::protobuf::RepeatedPtrField<v1::ContactChannel>& contacts,
                   const std::string& field, ViolationList& violations);

}  // namespace fgc::invitations
