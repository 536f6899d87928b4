// How an invitation is kept: the fgc.v1.Invitation split into what may be stored in clear
// (member, state, channel, times, the answer's kind) and the personal parts (the coordinator's
// message, the member's views and the words of their needs), sealed under the conference's key.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "fgc/v1/invitation.pb.h"

namespace fgc::invitations {

struct InvitationParts {
  v1::Invitation record;    // no personal details
  v1::Invitation personal;  // only personal details (needs by position)
};

InvitationParts SplitInvitation(const v1::Invitation& invitation);
v1::Invitation JoinInvitation(v1::Invitation record, const v1::Invitation& personal);

// The personal parts sealed (bound to the invitation's name) and back; DATA_LOSS for changed
// bytes or another invitation's.
absl::StatusOr<std::string> SealInvitation(const v1::Invitation& personal,
                                           const crypto::DataKey& key);
absl::StatusOr<v1::Invitation> OpenInvitation(const std::string& sealed, const std::string& name,
                                              const crypto::DataKey& key);

}  // namespace fgc::invitations
