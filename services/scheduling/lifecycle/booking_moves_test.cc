#include "services/scheduling/lifecycle/booking_moves.h"

#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using testing::ConferenceIn;
using testing::ReasonOf;

MoveContext At(absl::Time now) { return MoveContext{testing::CoordinatorActor(), now}; }

TEST(Booking, NeedsACoordinator) {
  v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION);
  conference.clear_coordinator();
  EXPECT_EQ(ReasonOf(CheckBookable(conference)), "COORDINATOR_REQUIRED");
}

TEST(Booking, MovesPreparationToBooked) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION, &now);
  const absl::StatusOr<v1::Conference> booked =
      ApplyBooked(conference, At(now + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(booked.ok()) << booked.status();
  EXPECT_EQ(booked->stage(), v1::STAGE_BOOKED);
  EXPECT_EQ(booked->transitions().rbegin()->from_stage(), v1::STAGE_PREPARATION);
}

TEST(Booking, IsRefusedOutsidePreparation) {
  EXPECT_EQ(ReasonOf(CheckBookable(ConferenceIn(v1::STAGE_REFERRAL))),
            "STAGE_TRANSITION_NOT_ALLOWED");
  EXPECT_EQ(ReasonOf(CheckBookable(ConferenceIn(v1::STAGE_BOOKED))),
            "STAGE_TRANSITION_NOT_ALLOWED");
  EXPECT_EQ(ReasonOf(CheckBookable(ConferenceIn(v1::STAGE_CLOSED))), "CONFERENCE_CLOSED");
}

TEST(Booking, CancellingReturnsToPreparationWithTheReason) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_BOOKED, &now);
  const absl::StatusOr<v1::Conference> cancelled = ApplyBookingCancelled(
      conference, "Venue flooded", At(now + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->stage(), v1::STAGE_PREPARATION);
  EXPECT_EQ(cancelled->transitions().rbegin()->reason(), "Venue flooded");
}

TEST(Booking, CancellingWithoutBookingIsNotBooked) {
  const absl::StatusOr<v1::Conference> cancelled = ApplyBookingCancelled(
      ConferenceIn(v1::STAGE_PREPARATION), "", At(testing::Utc(2026, 4, 1)), TimescaleConfig{});
  EXPECT_EQ(ReasonOf(cancelled.status()), "NOT_BOOKED");
}

TEST(ScheduleReview, FollowsAnAgreedPlan) {
  EXPECT_TRUE(CheckReviewSchedulable(ConferenceIn(v1::STAGE_FOLLOW_UP)).ok());
}

TEST(ScheduleReview, IsRefusedBeforeThePlanIsAgreed) {
  EXPECT_EQ(ReasonOf(CheckReviewSchedulable(ConferenceIn(v1::STAGE_PLAN_AGREEMENT))),
            "STAGE_TRANSITION_NOT_ALLOWED");
  EXPECT_EQ(ReasonOf(CheckReviewSchedulable(ConferenceIn(v1::STAGE_CLOSED))), "CONFERENCE_CLOSED");
}

}  // namespace
}  // namespace fgc::scheduling
