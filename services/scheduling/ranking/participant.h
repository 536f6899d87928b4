// Who counts when SuggestSlots ranks candidate slots, and how much: each invitee's weight by
// role, whether losing them sinks a slot (a key participant), and how they take part.
#pragma once

#include <string>

#include "fgc/v1/common.pb.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::scheduling {

// Weights by role (network.proto: the child, parental responsibility and main carers weigh
// most). Integers, so that equal attendance gives exactly equal scores and ties are real ties.
inline constexpr int kKeyParticipantWeight = 3;  // child, parental responsibility, main carer
inline constexpr int kAdvocateWeight = 2;        // carries the child's voice
inline constexpr int kOtherWeight = 1;           // family, friends, supporters, professionals
// Larger weights count as this, so that no slot's score can overflow.
inline constexpr int kMaxWeight = 1'000'000;

struct Participant {
  // tenants/{tenant}/conferences/{conference}/members/{member}. Participants are told apart by
  // it: a repeated name counts once (the first), see RankSlots.
  std::string member;
  // Shown in explanations; empty for callers who may not see names.
  std::string display_name;
  // The child, someone with parental responsibility or a main carer: a slot that loses one
  // ranks below every slot that keeps them all.
  bool key = false;
  // The role weight (see the constants above). Counted between 0 and kMaxWeight.
  int weight = kOtherWeight;
  // How they take part when an answer does not say (from their RSVP): REMOTE for someone who
  // joins from afar; UNSPECIFIED means in person where the slot has a venue.
  v1::AttendanceMode mode = v1::ATTENDANCE_MODE_UNSPECIFIED;
};

// The participant for a network member, weighted by the highest of their roles, taking part
// as their RSVP says (RSVP_ANSWER_REMOTE: remotely; RSVP_ANSWER_IN_PERSON: in person; other
// answers leave it to each slot's answer). Which members count at all (not excluded, not
// revoked) is the caller's decision.
Participant ParticipantFromMember(const v1::NetworkMember& member,
                                  v1::RsvpAnswer rsvp = v1::RSVP_ANSWER_UNSPECIFIED);

}  // namespace fgc::scheduling
