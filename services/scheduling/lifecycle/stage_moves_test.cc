#include "services/scheduling/lifecycle/stage_moves.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(StageMoves, BookingAndCancellingHaveTheirOwnRoutes) {
  EXPECT_TRUE(IsMoveAllowed(v1::STAGE_PREPARATION, v1::STAGE_BOOKED, MoveRoute::kBookConference));
  EXPECT_TRUE(IsMoveAllowed(v1::STAGE_BOOKED, v1::STAGE_PREPARATION, MoveRoute::kCancelConference));
  EXPECT_FALSE(
      IsMoveAllowed(v1::STAGE_PREPARATION, v1::STAGE_BOOKED, MoveRoute::kTransitionConference));
  EXPECT_FALSE(
      IsMoveAllowed(v1::STAGE_BOOKED, v1::STAGE_PREPARATION, MoveRoute::kTransitionConference));
  EXPECT_FALSE(IsMoveAllowed(v1::STAGE_REFERRAL, v1::STAGE_BOOKED, MoveRoute::kBookConference));
}

TEST(StageMoves, EveryOpenStageCanClose) {
  EXPECT_THAT(AllowedTargets(v1::STAGE_PLAN_AGREEMENT, MoveRoute::kTransitionConference),
              ElementsAre(v1::STAGE_PLAN_REVISION, v1::STAGE_FOLLOW_UP, v1::STAGE_CLOSED));
  EXPECT_THAT(AllowedTargets(v1::STAGE_CLOSED, MoveRoute::kTransitionConference), IsEmpty());
  EXPECT_EQ(StageList(AllowedTargets(v1::STAGE_PREPARATION, MoveRoute::kTransitionConference)),
            "STAGE_CLOSED");
  EXPECT_EQ(StageList({}), "none");
}

}  // namespace
}  // namespace fgc::scheduling
