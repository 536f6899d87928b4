#include "services/scheduling/invitee_calendar.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"

namespace fgc::scheduling {
namespace {

using calendar::Attendance;
using calendar::ParticipationStatus;

v1::NetworkMember Nan() {
  v1::NetworkMember m;
  m.set_name("tenants/t1/conferences/c1/members/nan");
  m.set_display_name("Nain");
  v1::ContactChannel* phone = m.add_contacts();
  phone->set_kind(v1::CONTACT_KIND_MOBILE);
  phone->set_value("+447700900123");
  v1::ContactChannel* work = m.add_contacts();
  work->set_kind(v1::CONTACT_KIND_EMAIL);
  work->set_value("nain@work.example");
  v1::ContactChannel* home = m.add_contacts();
  home->set_kind(v1::CONTACT_KIND_EMAIL);
  home->set_value("nain@home.example");
  home->set_preferred(true);
  return m;
}

v1::Invitation Answered(v1::RsvpAnswer answer) {
  v1::Invitation invitation;
  if (answer != v1::RSVP_ANSWER_UNSPECIFIED) invitation.mutable_rsvp()->set_answer(answer);
  return invitation;
}

TEST(InviteeCopy, TheInviteeIsTheAttendeeAtTheirPreferredEmail) {
  const InviteeCopy copy = InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_IN_PERSON));
  EXPECT_EQ(copy.attendee.display_name, "Nain");
  EXPECT_EQ(copy.attendee.email, "nain@home.example");
  EXPECT_EQ(copy.attendee.status, ParticipationStatus::kAccepted);
}

TEST(InviteeCopy, WithoutAPreferredEmailTheFirstIsUsed) {
  v1::NetworkMember m = Nan();
  m.mutable_contacts(2)->set_preferred(false);
  EXPECT_EQ(InviteeCopyOf(m, Answered(v1::RSVP_ANSWER_IN_PERSON)).attendee.email,
            "nain@work.example");
}

TEST(InviteeCopy, OnlyARemoteAnswerBringsTheJoiningDetails) {
  const InviteeCopy remote = InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_REMOTE));
  EXPECT_TRUE(remote.with_remote_join);
  EXPECT_EQ(remote.attendance, Attendance::kRemote);
  for (auto answer : {v1::RSVP_ANSWER_UNSPECIFIED, v1::RSVP_ANSWER_IN_PERSON,
                      v1::RSVP_ANSWER_NOT_ABLE, v1::RSVP_ANSWER_VIEWS_ONLY}) {
    const InviteeCopy copy = InviteeCopyOf(Nan(), Answered(answer));
    EXPECT_FALSE(copy.with_remote_join) << v1::RsvpAnswer_Name(answer);
    EXPECT_EQ(copy.attendance, Attendance::kInPerson) << v1::RsvpAnswer_Name(answer);
  }
}

TEST(InviteeCopy, TheAnswerBecomesTheParticipationStatus) {
  EXPECT_EQ(InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_UNSPECIFIED)).attendee.status,
            ParticipationStatus::kNeedsAction);
  EXPECT_EQ(InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_REMOTE)).attendee.status,
            ParticipationStatus::kAccepted);
  EXPECT_EQ(InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_NOT_ABLE)).attendee.status,
            ParticipationStatus::kDeclined);
  EXPECT_EQ(InviteeCopyOf(Nan(), Answered(v1::RSVP_ANSWER_VIEWS_ONLY)).attendee.status,
            ParticipationStatus::kDeclined);
}

TEST(InviteeCopy, ExcludedAndViewsOnlyMembersHaveNoMeetingInTheirCalendar) {
  for (auto kind : {v1::RESTRICTION_KIND_EXCLUDED, v1::RESTRICTION_KIND_VIEWS_ONLY}) {
    v1::NetworkMember m = Nan();
    m.mutable_restriction()->set_kind(kind);
    const absl::Status s = CheckAttends(m);
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(DetailsOf(s)->reason, "MEMBER_RESTRICTED");
  }
}

TEST(InviteeCopy, PartAttendanceAndLiftedRestrictionsStillAttend) {
  for (auto kind : {v1::RESTRICTION_KIND_UNSPECIFIED, v1::RESTRICTION_KIND_PART_ATTENDANCE,
                    v1::RESTRICTION_KIND_LIFTED}) {
    v1::NetworkMember m = Nan();
    m.mutable_restriction()->set_kind(kind);
    EXPECT_TRUE(CheckAttends(m).ok()) << v1::RestrictionKind_Name(kind);
  }
}

}  // namespace
}  // namespace fgc::scheduling
