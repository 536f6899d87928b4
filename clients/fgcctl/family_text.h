// What a family member reads on the command line about their own invitation: who invites
// them, for which child, when and where, what an FGC is, their answer, and any restriction
// in the words meant for them.
#pragma once

#include <string>

#include "fgc/v1/invitation_service.pb.h"

namespace fgc::ctl {

std::string DescribeMyInvitation(const v1::GetMyInvitationResponse& mine);

}  // namespace fgc::ctl
