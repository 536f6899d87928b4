// The family network and its invitations as a coordinator reads them: a member in full (roles,
// needs, contacts, any restriction), one line per member or invitation for lists, an
// invitation with the family's answer, and the by-hand link marked as the secret it is.
#pragma once

#include <string>

#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::ctl {

// "interpreter (pl): Silesian dialect".
std::string NeedText(const v1::Need& need);

// A heading with the member's name, then one "label  value" line per field that is set.
std::string DescribeMember(const v1::NetworkMember& member);
std::string MemberSummaryHeading();
// One tab-separated line: name, display name, relationship, roles, restriction, invitation.
std::string MemberSummaryLine(const v1::NetworkMember& member);

// The restriction's lines (kind, parts, reasons, legal basis, review, alternative, notice).
std::string DescribeRestriction(const v1::ParticipationRestriction& restriction);

std::string DescribeInvitation(const v1::Invitation& invitation);
std::string InvitationSummaryHeading();
// One tab-separated line: name, member, state, channel, answer.
std::string InvitationSummaryLine(const v1::Invitation& invitation);

// The link to hand over, labelled as a secret shown once; empty for an empty URL.
std::string ByHandLinkText(const std::string& url);

}  // namespace fgc::ctl
