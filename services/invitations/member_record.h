// How a network member is kept: the fgc.v1.NetworkMember split into what may be stored in clear
// (roles, the child, language, time zone, connection, restriction, invitation) and their personal
// details (name, how the family describes the relationship, contacts, notes, what their needs
// and relationships say), sealed under the conference's data key.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

struct MemberParts {
  v1::NetworkMember record;    // no personal details
  v1::NetworkMember personal;  // only personal details (needs and relationships by position)
};

MemberParts SplitMember(const v1::NetworkMember& member);
v1::NetworkMember JoinMember(v1::NetworkMember record, const v1::NetworkMember& personal);

// The personal parts sealed (bound to the member's name) and back; DATA_LOSS for changed bytes
// or another member's.
absl::StatusOr<std::string> SealMember(const v1::NetworkMember& personal,
                                       const crypto::DataKey& key);
absl::StatusOr<v1::NetworkMember> OpenMember(const std::string& sealed, const std::string& name,
                                             const crypto::DataKey& key);

}  // namespace fgc::invitations
