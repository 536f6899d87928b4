#include "clients/fgcctl/network_requests.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1740819600);  // 2025-03-01T09:00:00Z
const char kJones[] = "tenants/t1/conferences/jones";

TEST(MemberFlags, RolesNeedsAndTheChildAreRead) {
  MemberFlags flags;
  flags.display_name = "Sam";
  flags.relationship = "Sam";
  flags.roles = {"child"};
  flags.child = "k-1";
  flags.needs = {"access:step-free"};
  auto m = MemberFromFlags(flags, kJones);
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_EQ(m->roles_size(), 1);
  EXPECT_EQ(m->roles(0), v1::MEMBER_ROLE_CHILD);
  EXPECT_EQ(m->child(), "tenants/t1/conferences/jones/children/k-1");
  EXPECT_EQ(m->needs(0).details(), "step-free");
}

TEST(MemberFlags, TheFirstContactGivenIsPreferred) {
  MemberFlags flags;
  flags.mobile = "+447700900123";
  flags.phone = "+441632960000";
  auto m = MemberFromFlags(flags, kJones);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->contacts_size(), 2);
  EXPECT_EQ(m->contacts(0).kind(), v1::CONTACT_KIND_MOBILE);
  EXPECT_TRUE(m->contacts(0).preferred());
  EXPECT_FALSE(m->contacts(1).preferred());
}

TEST(MemberFlags, UnknownRoleNamesTheFlag) {
  MemberFlags flags;
  flags.roles = {"grandparent"};
  auto m = MemberFromFlags(flags, kJones);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("--role"), absl::string_view::npos);
}

TEST(MemberChange, SetFillsTheFieldAndTheMask) {
  auto change = MemberChangeFrom({"connection=stressful", "time_zone=Europe/Warsaw"}, "", "");
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->member.connection(), v1::CONNECTION_STRENGTH_STRESSFUL);
  EXPECT_EQ(change->paths, (std::vector<std::string>{"connection", "time_zone"}));
}

TEST(MemberChange, RepeatedFieldsAreRefusedForSet) {
  auto change = MemberChangeFrom({"needs=travel"}, "", "");
  ASSERT_FALSE(change.ok());
  EXPECT_NE(change.status().message().find("--from FILE --mask"), absl::string_view::npos);
}

RestrictionFlags Exclusion() {
  RestrictionFlags flags;
  flags.kind = "excluded";
  flags.reasons = "A risk to Sam's safety";
  flags.power.statute = "Children Act 1989";
  flags.power.section = "s.47";
  flags.review_date = "2025-06-30";
  flags.alternative = "Written views through the coordinator";
  flags.authorised_by = "mgr-ash,Ash Patel";
  flags.power.told = "letter@2025-02-28T12:00:00Z";
  flags.member_notice = "You can send your views in writing.";
  return flags;
}

TEST(RestrictionFlags, EveryPartOfTheDecisionIsRecorded) {
  auto r = RestrictionFromFlags(Exclusion(), kNow);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->kind(), v1::RESTRICTION_KIND_EXCLUDED);
  EXPECT_EQ(r->legal_basis().section(), "s.47");
  EXPECT_EQ(r->review_date().day(), 30);
  EXPECT_EQ(r->authorising_officer().display_name(), "Ash Patel");
  EXPECT_TRUE(r->family_told().told());
  EXPECT_EQ(r->family_told().method(), v1::TELL_METHOD_LETTER);
  EXPECT_EQ(TimeUtil::ToString(r->family_told().tell_time()), "2025-02-28T12:00:00Z");
}

TEST(RestrictionFlags, ToldWithoutATimeIsToldNow) {
  RestrictionFlags flags = Exclusion();
  flags.power.told = "in-person";
  auto r = RestrictionFromFlags(flags, kNow);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(TimeUtil::ToString(r->family_told().tell_time()), "2025-03-01T09:00:00Z");
}

TEST(RestrictionFlags, ToldAndNotToldTogetherAreRefused) {
  RestrictionFlags flags = Exclusion();
  flags.power.not_told = "Told at the next visit";
  EXPECT_EQ(RestrictionFromFlags(flags, kNow).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RestrictionFlags, PartsToAttendAreRead) {
  RestrictionFlags flags = Exclusion();
  flags.kind = "part-attendance";
  flags.allowed_parts = {"information-sharing", "plan-agreement"};
  auto r = RestrictionFromFlags(flags, kNow);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->allowed_parts_size(), 2);
  EXPECT_EQ(r->allowed_parts(1), v1::CONFERENCE_PART_PLAN_AGREEMENT);
}

TEST(RestrictionFlags, AKindIsNeeded) {
  RestrictionFlags flags = Exclusion();
  flags.kind = "";
  EXPECT_FALSE(RestrictionFromFlags(flags, kNow).ok());
}

TEST(RsvpFlags, AnswerViewsAndNeeds) {
  auto rsvp = RsvpFromFlags("views-only", "Sam should stay with his mum.", {"travel:bus fare"});
  ASSERT_TRUE(rsvp.ok()) << rsvp.status();
  EXPECT_EQ(rsvp->answer(), v1::RSVP_ANSWER_VIEWS_ONLY);
  EXPECT_EQ(rsvp->views(), "Sam should stay with his mum.");
  EXPECT_EQ(rsvp->needs(0).kind(), v1::NEED_KIND_TRAVEL);
  EXPECT_FALSE(RsvpFromFlags("maybe", "", {}).ok());
}

}  // namespace
}  // namespace fgc::ctl
