// What a family member reads on the command line about their own invitation (who invites
// them, for which child, when and where, what an FGC is, their answer, and any restriction in
// the words meant for them) and about their family's agreed plan.
#pragma once

#include <string>

#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/plan_service.pb.h"

namespace fgc::ctl {

std::string DescribeMyInvitation(const v1::GetMyInvitationResponse& mine);

// The agreed plan as it was sent to them: when it was agreed and sent, what it says, anything
// the referrer added, and the latest progress on each item.
std::string DescribeMyPlan(const v1::GetMyPlanResponse& mine);

}  // namespace fgc::ctl
