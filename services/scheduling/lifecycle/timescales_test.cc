#include "services/scheduling/lifecycle/timescales.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/stage_transitions.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using testing::ConferenceIn;
using ::testing::IsEmpty;
using testing::ReferralTime;
using testing::Referred;
using testing::Utc;

const TimescaleConfig kDefaults;

std::optional<v1::Deadline> Find(const v1::Conference& conference, v1::Timescale timescale,
                                 absl::Time now, const TimescaleConfig& config = kDefaults) {
  for (const v1::Deadline& deadline : ComputeDeadlines(conference, config, now)) {
    if (deadline.timescale() == timescale) return deadline;
  }
  return std::nullopt;
}

// Asserts the deadline falls due at `due`: not missed a second before it, missed a second after.
void ExpectDueAt(const v1::Conference& conference, v1::Timescale timescale, absl::Time due,
                 const TimescaleConfig& config = kDefaults) {
  const std::optional<v1::Deadline> before =
      Find(conference, timescale, due - absl::Seconds(1), config);
  const std::optional<v1::Deadline> after =
      Find(conference, timescale, due + absl::Seconds(1), config);
  ASSERT_TRUE(before.has_value() && after.has_value()) << v1::Timescale_Name(timescale);
  EXPECT_EQ(ToAbslTime(after->due_time()), due) << v1::Timescale_Name(timescale);
  EXPECT_FALSE(before->missed()) << v1::Timescale_Name(timescale);
  EXPECT_TRUE(after->missed()) << v1::Timescale_Name(timescale);
}

TEST(Acknowledge, IsDueTwoWorkingDaysAfterTheReferral) {
  // Monday 10:00 in London: due when Thursday begins.
  ExpectDueAt(Referred(), v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, Utc(2026, 3, 5));
}

TEST(Acknowledge, FollowsTheConfiguredSpan) {
  TimescaleConfig config;
  config.acknowledge = TimescaleSpan::WorkingDays(1);
  config.holidays = {absl::CivilDay(2026, 3, 3)};
  ExpectDueAt(Referred(), v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, Utc(2026, 3, 5), config);
}

TEST(Acknowledge, IsMetByTheAcknowledgement) {
  v1::Conference conference = Referred();
  *conference.mutable_acknowledge_time() = ToTimestamp(ReferralTime() + absl::Hours(2));
  const std::optional<v1::Deadline> deadline =
      Find(conference, v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, Utc(2026, 4, 1));
  ASSERT_TRUE(deadline.has_value());
  EXPECT_FALSE(deadline->missed());
  EXPECT_EQ(ToAbslTime(deadline->met_time()), ReferralTime() + absl::Hours(2));
}

TEST(HoldConference, UrgentIsDueWithin24Hours) {
  ExpectDueAt(Referred(ReferralTime(), v1::URGENCY_URGENT), v1::TIMESCALE_HOLD_CONFERENCE,
              ReferralTime() + absl::Hours(24));
}

TEST(HoldConference, StandardIsDueWithinEightWeeks) {
  ExpectDueAt(Referred(), v1::TIMESCALE_HOLD_CONFERENCE, ReferralTime() + absl::Hours(24 * 56));
}

TEST(HoldConference, IsMetWhenTheConferenceBegins) {
  absl::Time began;
  const v1::Conference conference = ConferenceIn(v1::STAGE_INFORMATION_SHARING, &began);
  const std::optional<v1::Deadline> deadline =
      Find(conference, v1::TIMESCALE_HOLD_CONFERENCE, Utc(2026, 12, 1));
  ASSERT_TRUE(deadline.has_value());
  EXPECT_EQ(ToAbslTime(deadline->met_time()), began);
  EXPECT_FALSE(deadline->missed());
}

TEST(Preparation, IsDue30DaysAfterAllocation) {
  absl::Time allocated;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION, &allocated);
  ExpectDueAt(conference, v1::TIMESCALE_COMPLETE_PREPARATION, allocated + absl::Hours(24 * 30));
}

TEST(Preparation, DoesNotApplyBeforeAllocation) {
  EXPECT_FALSE(Find(Referred(), v1::TIMESCALE_COMPLETE_PREPARATION, Utc(2026, 12, 1)));
}

TEST(SetReview, IsDueAfterEveryAgreedPlan) {
  absl::Time agreed;  // Monday 2 March, 16:00 UTC
  v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &agreed);
  conference.clear_reviews();
  // Five working days: Tuesday 3 to Monday 9 March, so due when Tuesday 10th begins.
  ExpectDueAt(conference, v1::TIMESCALE_SET_REVIEW_DATE, Utc(2026, 3, 10));
}

TEST(SetReview, IsMetByScheduledReview) {
  absl::Time agreed;
  const v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &agreed);
  const std::optional<v1::Deadline> deadline =
      Find(conference, v1::TIMESCALE_SET_REVIEW_DATE, Utc(2026, 5, 1));
  ASSERT_TRUE(deadline.has_value());
  EXPECT_EQ(ToAbslTime(deadline->met_time()), agreed);
}

TEST(SetReview, CanBeTurnedOff) {
  v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP);
  conference.clear_reviews();
  TimescaleConfig config;
  config.review_date_required = false;
  EXPECT_FALSE(Find(conference, v1::TIMESCALE_SET_REVIEW_DATE, Utc(2026, 5, 1), config));
}

TEST(HoldReview, IsDueAtTheEndOfTheReviewDateInTheConferenceZone) {
  // Review date Tuesday 2 June 2026 in London (BST): due at 00:00 BST on the 3rd.
  ExpectDueAt(ConferenceIn(v1::STAGE_FOLLOW_UP), v1::TIMESCALE_HOLD_REVIEW, Utc(2026, 6, 2, 23));
}

TEST(HoldReview, IsMetWhenTheReviewConferenceIsHeld) {
  absl::Time now;
  v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &now);
  *conference.mutable_reviews(0)->mutable_held_time() = ToTimestamp(Utc(2026, 6, 1, 10));
  const std::optional<v1::Deadline> deadline =
      Find(conference, v1::TIMESCALE_HOLD_REVIEW, Utc(2026, 7, 1));
  ASSERT_TRUE(deadline.has_value());
  EXPECT_FALSE(deadline->missed());
}

TEST(AsOf, MovesAfterTheInstantDoNotCount) {
  absl::Time allocated;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION, &allocated);
  const absl::Time before = allocated - absl::Minutes(1);
  EXPECT_FALSE(Find(conference, v1::TIMESCALE_COMPLETE_PREPARATION, before));
  const std::optional<v1::Deadline> acknowledge =
      Find(conference, v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, before);
  ASSERT_TRUE(acknowledge.has_value());
  EXPECT_FALSE(acknowledge->has_met_time());
}

TEST(AsOf, NothingIsDueBeforeTheReferral) {
  EXPECT_THAT(ComputeDeadlines(Referred(), kDefaults, ReferralTime() - absl::Seconds(1)),
              IsEmpty());
}

v1::Conference ClosedAt(v1::Conference conference, absl::Time at) {
  v1::TransitionConferenceRequest request = testing::MoveTo(v1::STAGE_CLOSED);
  request.set_reason("The family withdrew.");
  return *ApplyTransition(conference, request, {}, MoveContext{testing::CoordinatorActor(), at},
                          kDefaults);
}

TEST(Closing, DropsDeadlinesNotYetDue) {
  const v1::Conference closed = ClosedAt(Referred(), ReferralTime() + absl::Hours(1));
  const absl::Time later = ReferralTime() + absl::Hours(24 * 100);
  EXPECT_FALSE(Find(closed, v1::TIMESCALE_HOLD_CONFERENCE, later));
  EXPECT_THAT(MissedDeadlines(closed, kDefaults, later), IsEmpty());
}

TEST(Closing, KeepsMissedDeadlinesOnRecordButIsNeverOverdue) {
  v1::Conference closed =
      ClosedAt(Referred(ReferralTime(), v1::URGENCY_URGENT), ReferralTime() + absl::Hours(48));
  const absl::Time later = ReferralTime() + absl::Hours(24 * 100);
  const std::optional<v1::Deadline> hold = Find(closed, v1::TIMESCALE_HOLD_CONFERENCE, later);
  ASSERT_TRUE(hold.has_value());
  EXPECT_TRUE(hold->missed());
  RefreshTimescales(kDefaults, later, &closed);
  EXPECT_FALSE(closed.overdue());
  EXPECT_THAT(MissedDeadlines(closed, kDefaults, later), IsEmpty());
}

TEST(Refresh, SetsOverdueWhenADeadlineIsMissed) {
  v1::Conference conference = Referred();
  RefreshTimescales(kDefaults, Utc(2026, 3, 4, 23, 59), &conference);
  EXPECT_FALSE(conference.overdue());
  RefreshTimescales(kDefaults, Utc(2026, 3, 5, 0, 1), &conference);
  EXPECT_TRUE(conference.overdue());
  EXPECT_EQ(conference.deadlines_size(), 2);
}

TEST(Missed, ListsEarliestDueFirst) {
  absl::Time allocated;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION, &allocated);
  const std::vector<v1::Deadline> missed = MissedDeadlines(conference, kDefaults, Utc(2026, 12, 1));
  ASSERT_EQ(missed.size(), 2u);  // acknowledged on allocation; preparation, then the conference
  EXPECT_EQ(missed[0].timescale(), v1::TIMESCALE_COMPLETE_PREPARATION);
  EXPECT_EQ(missed[1].timescale(), v1::TIMESCALE_HOLD_CONFERENCE);
}

}  // namespace
}  // namespace fgc::scheduling
