#include "services/scheduling/ranking/participant.h"

#include <algorithm>

namespace fgc::scheduling {
namespace {

bool IsKeyRole(int role) {
  return role == v1::MEMBER_ROLE_CHILD || role == v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY ||
         role == v1::MEMBER_ROLE_CARER;
}

int RoleWeight(int role) {
  if (IsKeyRole(role)) return kKeyParticipantWeight;
  if (role == v1::MEMBER_ROLE_ADVOCATE) return kAdvocateWeight;
  return kOtherWeight;
}

}  // namespace

Participant ParticipantFromMember(const v1::NetworkMember& member, v1::RsvpAnswer rsvp) {
  Participant p;
  p.member = member.name();
  p.display_name = member.display_name();
  for (int role : member.roles()) {
    p.key = p.key || IsKeyRole(role);
    p.weight = std::max(p.weight, RoleWeight(role));
  }
  if (rsvp == v1::RSVP_ANSWER_REMOTE) p.mode = v1::ATTENDANCE_MODE_REMOTE;
  if (rsvp == v1::RSVP_ANSWER_IN_PERSON) p.mode = v1::ATTENDANCE_MODE_IN_PERSON;
  return p;
}

}  // namespace fgc::scheduling
