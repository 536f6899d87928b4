// The human text of the journey's commands: what a coordinator and a family member read.
#include <gtest/gtest.h>

#include "clients/fgcctl/family_text.h"
#include "clients/fgcctl/network_text.h"
#include "clients/fgcctl/scheduling_requests.h"
#include "clients/fgcctl/scheduling_text.h"

namespace fgc::ctl {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(JourneyText, ByHandLinkIsLabelledASecret) {
  const std::string text = ByHandLinkText("https://family.example.org/i/abc");
  EXPECT_TRUE(Contains(text, "SECRET")) << text;
  EXPECT_TRUE(Contains(text, "https://family.example.org/i/abc")) << text;
  EXPECT_EQ(ByHandLinkText(""), "");
}

TEST(JourneyText, MemberLineShowsRolesRestrictionAndInvitation) {
  v1::NetworkMember m;
  m.set_name("tenants/t/conferences/c/members/father");
  m.set_display_name("Lee");
  m.set_relationship("Dad");
  m.add_roles(v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY);
  m.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_PART_ATTENDANCE);
  EXPECT_EQ(MemberSummaryLine(m),
            "tenants/t/conferences/c/members/father\tLee\tDad\tparental-responsibility\t"
            "part-attendance\tnot invited");
}

TEST(JourneyText, MemberShowsNeedsWithTheirLanguage) {
  v1::NetworkMember m;
  v1::Need* need = m.add_needs();
  need->set_kind(v1::NEED_KIND_INTERPRETER);
  need->set_language_code("pl");
  EXPECT_TRUE(Contains(DescribeMember(m), "needs         interpreter (pl)")) << DescribeMember(m);
}

TEST(JourneyText, InvitationLineShowsStateAndAnswer) {
  v1::Invitation i;
  i.set_name("inv");
  i.set_member("m");
  i.set_state(v1::INVITATION_STATE_ANSWERED);
  i.set_channel(v1::DELIVERY_CHANNEL_BY_HAND);
  i.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_REMOTE);
  EXPECT_EQ(InvitationSummaryLine(i), "inv\tm\tanswered\tby-hand\tremote");
}

TEST(JourneyText, SlotLineCountsTheAnswers) {
  v1::Slot s;
  s.set_name("s-1");
  s.mutable_start_time()->set_seconds(1746525600);  // 2025-05-06T10:00:00Z
  s.mutable_end_time()->set_seconds(1746540000);
  s.set_remote_available(true);
  s.add_availability()->set_answer(v1::AVAILABILITY_ANSWER_YES);
  s.add_availability()->set_answer(v1::AVAILABILITY_ANSWER_YES);
  s.add_availability()->set_answer(v1::AVAILABILITY_ANSWER_NO);
  EXPECT_EQ(SlotSummaryLine(s),
            "s-1\t2025-05-06T10:00:00Z\t2025-05-06T14:00:00Z\t-\tremote ok\tyes 2, no 1");
}

TEST(JourneyText, SuggestionNamesWhoIsMissing) {
  v1::SuggestSlotsResponse r;
  r.set_participant_count(8);
  v1::SlotSuggestion* s = r.add_suggestions();
  s->set_rank(1);
  s->mutable_slot()->set_name("s-2");
  s->set_explanation("Everyone who matters most can come.");
  v1::MissingParticipant* m = s->add_missing();
  m->set_display_name("Mrs Patel");
  m->set_answer(v1::AVAILABILITY_ANSWER_NO);
  const std::string text = DescribeSuggestions(r);
  EXPECT_TRUE(Contains(text, "#1  s-2")) << text;
  EXPECT_TRUE(Contains(text, "Mrs Patel (no)")) << text;
  EXPECT_TRUE(Contains(text, "Everyone who matters most")) << text;
}

TEST(JourneyText, FamilySeesTheNoticeNotTheReasons) {
  v1::GetMyInvitationResponse mine;
  mine.mutable_member()->set_display_name("Lee");
  mine.add_child_display_names("Sam");
  mine.mutable_coordinator()->set_display_name("Chris Lee");
  v1::ParticipationRestriction* r = mine.mutable_member()->mutable_restriction();
  r->set_kind(v1::RESTRICTION_KIND_PART_ATTENDANCE);
  r->set_reasons("staff only words");
  r->set_member_notice("You are welcome at the start and the end.");
  const std::string text = DescribeMyInvitation(mine);
  EXPECT_TRUE(Contains(text, "about         Sam")) << text;
  EXPECT_TRUE(Contains(text, "invited by    Chris Lee")) << text;
  EXPECT_TRUE(Contains(text, "You are welcome at the start")) << text;
  EXPECT_FALSE(Contains(text, "staff only words")) << text;
  EXPECT_TRUE(Contains(text, "not booked yet")) << text;
}

TEST(SchedulingFlags, SlotsAtAVenueGivenById) {
  auto slots = SlotsFromFlags({"2025-05-06T10:00:00Z/4h"}, "t1", "riverside", true);
  ASSERT_TRUE(slots.ok()) << slots.status();
  ASSERT_EQ(slots->size(), 1u);
  EXPECT_EQ((*slots)[0].venue(), "tenants/t1/venues/riverside");
  EXPECT_TRUE((*slots)[0].remote_available());
}

TEST(SchedulingFlags, AnswersForSlotsGivenById) {
  auto answers = AvailabilityFromFlags({"s-1=yes", "s-2=no"}, "tenants/t1/conferences/jones");
  ASSERT_TRUE(answers.ok()) << answers.status();
  EXPECT_EQ((*answers)[1].slot(), "tenants/t1/conferences/jones/slots/s-2");
  EXPECT_FALSE(AvailabilityFromFlags({}, "tenants/t1/conferences/jones").ok());
}

TEST(SchedulingFlags, VenueFeaturesAreRead) {
  VenueFlags flags;
  flags.display_name = "Riverside";
  flags.features = {"hearing-loop", "quiet_room"};
  auto venue = VenueFromFlags(flags);
  ASSERT_TRUE(venue.ok()) << venue.status();
  EXPECT_EQ(venue->accessibility_features(1), v1::ACCESSIBILITY_FEATURE_QUIET_ROOM);
  flags.features = {"lift"};
  EXPECT_FALSE(VenueFromFlags(flags).ok());
}

}  // namespace
}  // namespace fgc::ctl
