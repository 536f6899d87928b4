#include "services/scheduling/ranking/participant.h"

#include "gtest/gtest.h"

namespace fgc::scheduling {
namespace {

v1::NetworkMember Member(std::initializer_list<v1::MemberRole> roles) {
  v1::NetworkMember m;
  m.set_name("tenants/t1/conferences/c1/members/m1");
  m.set_display_name("Nan");
  for (v1::MemberRole role : roles) m.add_roles(role);
  return m;
}

TEST(ParticipantFromMember, ChildParentalResponsibilityAndCarerAreKeyAndWeighMost) {
  for (v1::MemberRole role :
       {v1::MEMBER_ROLE_CHILD, v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY, v1::MEMBER_ROLE_CARER}) {
    Participant p = ParticipantFromMember(Member({role}));

    EXPECT_TRUE(p.key) << role;
    EXPECT_EQ(p.weight, kKeyParticipantWeight) << role;
  }
}

TEST(ParticipantFromMember, AdvocateWeighsMoreThanOthersButIsNotKey) {
  Participant p = ParticipantFromMember(Member({v1::MEMBER_ROLE_ADVOCATE}));

  EXPECT_FALSE(p.key);
  EXPECT_EQ(p.weight, kAdvocateWeight);
}

TEST(ParticipantFromMember, FamilyWithoutRolesWeighsOne) {
  Participant p = ParticipantFromMember(Member({}));

  EXPECT_FALSE(p.key);
  EXPECT_EQ(p.weight, kOtherWeight);
  EXPECT_EQ(p.member, "tenants/t1/conferences/c1/members/m1");
  EXPECT_EQ(p.display_name, "Nan");
}

TEST(ParticipantFromMember, HighestRoleDecides) {
  Participant p = ParticipantFromMember(Member({v1::MEMBER_ROLE_SUPPORTER, v1::MEMBER_ROLE_CARER}));

  EXPECT_TRUE(p.key);
  EXPECT_EQ(p.weight, kKeyParticipantWeight);
}

TEST(ParticipantFromMember, RsvpSaysHowTheyTakePart) {
  EXPECT_EQ(ParticipantFromMember(Member({}), v1::RSVP_ANSWER_REMOTE).mode,
            v1::ATTENDANCE_MODE_REMOTE);
  EXPECT_EQ(ParticipantFromMember(Member({}), v1::RSVP_ANSWER_IN_PERSON).mode,
            v1::ATTENDANCE_MODE_IN_PERSON);
  EXPECT_EQ(ParticipantFromMember(Member({}), v1::RSVP_ANSWER_VIEWS_ONLY).mode,
            v1::ATTENDANCE_MODE_UNSPECIFIED);
}

}  // namespace
}  // namespace fgc::scheduling
