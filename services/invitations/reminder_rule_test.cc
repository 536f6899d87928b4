#include "services/invitations/reminder_rule.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/time_util.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

// An emailed invitation, unanswered, its link good for weeks; its conference's deadline a day
// away, not reminded yet: a reminder is due. Each test changes one thing.
class ReminderRuleTest : public ::testing::Test {
 protected:
  ReminderRuleTest() {
    invitation_.set_state(v1::INVITATION_STATE_SENT);
    invitation_.set_channel(v1::DELIVERY_CHANNEL_EMAIL);
    *invitation_.mutable_expire_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(kNow + absl::Hours(24 * 30)));
    facts_.deadline = kNow + absl::Hours(24);
    facts_.stage = v1::STAGE_PREPARATION;
    facts_.invitation = &invitation_;
    facts_.link_derivable = true;
  }
  ReminderVerdict Judge() { return JudgeReminder(facts_, kNow, kDefaultReminderLead); }

  v1::Invitation invitation_;
  ReminderCase facts_;
};

TEST_F(ReminderRuleTest, UnansweredEmailInvitationNearTheDeadlineIsDue) {
  EXPECT_EQ(Judge(), ReminderVerdict::kDue);
}

TEST_F(ReminderRuleTest, SmsInvitationIsDueToo) {
  invitation_.set_channel(v1::DELIVERY_CHANNEL_SMS);
  EXPECT_EQ(Judge(), ReminderVerdict::kDue);
}

TEST_F(ReminderRuleTest, DeadlineExactlyTheLeadAwayIsDue) {
  facts_.deadline = kNow + kDefaultReminderLead;
  EXPECT_EQ(Judge(), ReminderVerdict::kDue);
}

TEST_F(ReminderRuleTest, DeadlineFurtherThanTheLeadIsNotYet) {
  facts_.deadline = kNow + kDefaultReminderLead + absl::Seconds(1);
  EXPECT_EQ(Judge(), ReminderVerdict::kNoDeadlineSoon);
}

TEST_F(ReminderRuleTest, LeadTimeIsConfigurable) {
  facts_.deadline = kNow + absl::Hours(72);
  EXPECT_EQ(JudgeReminder(facts_, kNow, absl::Hours(96)), ReminderVerdict::kDue);
}

TEST_F(ReminderRuleTest, PassedDeadlineGetsNone) {
  facts_.deadline = kNow;
  EXPECT_EQ(Judge(), ReminderVerdict::kNoDeadlineSoon);
}

TEST_F(ReminderRuleTest, NoDeadlineGetsNone) {
  facts_.deadline.reset();
  EXPECT_EQ(Judge(), ReminderVerdict::kNoDeadlineSoon);
}

TEST_F(ReminderRuleTest, ClosedConferenceGetsNone) {
  facts_.stage = v1::STAGE_CLOSED;
  EXPECT_EQ(Judge(), ReminderVerdict::kConferenceClosed);
}

TEST_F(ReminderRuleTest, RevokedInvitationGetsNone) {
  invitation_.set_state(v1::INVITATION_STATE_REVOKED);
  EXPECT_EQ(Judge(), ReminderVerdict::kRevoked);
}

TEST_F(ReminderRuleTest, AnsweredInvitationGetsNone) {
  invitation_.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_NOT_ABLE);
  EXPECT_EQ(Judge(), ReminderVerdict::kAnswered);
}

TEST_F(ReminderRuleTest, ByHandInvitationGetsNone) {
  invitation_.set_channel(v1::DELIVERY_CHANNEL_BY_HAND);
  EXPECT_EQ(Judge(), ReminderVerdict::kByHand);
}

TEST_F(ReminderRuleTest, ExpiredLinkGetsNone) {
  *invitation_.mutable_expire_time() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(kNow));
  EXPECT_EQ(Judge(), ReminderVerdict::kLinkExpired);
}

TEST_F(ReminderRuleTest, ExcludedMemberGetsNone) {
  facts_.restriction = v1::RESTRICTION_KIND_EXCLUDED;
  EXPECT_EQ(Judge(), ReminderVerdict::kExcluded);
}

TEST_F(ReminderRuleTest, ViewsOnlyMemberIsStillReminded) {
  facts_.restriction = v1::RESTRICTION_KIND_VIEWS_ONLY;
  EXPECT_EQ(Judge(), ReminderVerdict::kDue);
}

TEST_F(ReminderRuleTest, LinkWithoutKeptSeedGetsNone) {
  facts_.link_derivable = false;
  EXPECT_EQ(Judge(), ReminderVerdict::kLinkNotDerivable);
}

TEST_F(ReminderRuleTest, RemindedForThisDeadlineGetsNoSecond) {
  facts_.reminded = true;
  EXPECT_EQ(Judge(), ReminderVerdict::kAlreadyReminded);
}

}  // namespace
}  // namespace fgc::invitations
