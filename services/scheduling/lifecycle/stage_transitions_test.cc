#include "services/scheduling/lifecycle/stage_transitions.h"

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using testing::AcceptableRequest;
using testing::ConferenceIn;
using testing::ConsentForAll;
using testing::CoordinatorActor;
using ::testing::ElementsAre;
using testing::FieldsOf;
using testing::MoveTo;
using testing::PreconditionTypes;
using testing::ReasonOf;
using testing::Referred;

constexpr v1::Stage kStages[] = {v1::STAGE_REFERRAL,
                                 v1::STAGE_PREPARATION,
                                 v1::STAGE_BOOKED,
                                 v1::STAGE_INFORMATION_SHARING,
                                 v1::STAGE_PRIVATE_FAMILY_TIME,
                                 v1::STAGE_PLAN_AGREEMENT,
                                 v1::STAGE_PLAN_REVISION,
                                 v1::STAGE_FOLLOW_UP,
                                 v1::STAGE_CLOSED};

// The moves conference.proto's `Stage` comment lists for TransitionConference.
const std::set<std::pair<v1::Stage, v1::Stage>>& TransitionConferenceMoves() {
  static const auto* moves = [] {
    auto* set = new std::set<std::pair<v1::Stage, v1::Stage>>{
        {v1::STAGE_REFERRAL, v1::STAGE_PREPARATION},
        {v1::STAGE_BOOKED, v1::STAGE_INFORMATION_SHARING},
        {v1::STAGE_INFORMATION_SHARING, v1::STAGE_PRIVATE_FAMILY_TIME},
        {v1::STAGE_PRIVATE_FAMILY_TIME, v1::STAGE_PLAN_AGREEMENT},
        {v1::STAGE_PLAN_AGREEMENT, v1::STAGE_PLAN_REVISION},
        {v1::STAGE_PLAN_AGREEMENT, v1::STAGE_FOLLOW_UP},
        {v1::STAGE_PLAN_REVISION, v1::STAGE_PLAN_AGREEMENT},
        {v1::STAGE_FOLLOW_UP, v1::STAGE_INFORMATION_SHARING}};
    for (v1::Stage from : kStages) {
      if (from != v1::STAGE_CLOSED) set->insert({from, v1::STAGE_CLOSED});
    }
    return set;
  }();
  return *moves;
}

MoveContext At(absl::Time now) { return MoveContext{CoordinatorActor(), now}; }

// Every (from, to) pair through TransitionConference, from a conference really in `from`.
class EveryMove : public ::testing::TestWithParam<std::tuple<v1::Stage, v1::Stage>> {};

TEST_P(EveryMove, IsAppliedExactlyWhenTheModelAllowsIt) {
  const auto [from, to] = GetParam();
  absl::Time now;
  const v1::Conference conference = ConferenceIn(from, &now);
  ASSERT_EQ(conference.stage(), from);
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, AcceptableRequest(from, to), ConsentForAll(conference),
                      At(now + absl::Minutes(5)), TimescaleConfig{});

  if (TransitionConferenceMoves().contains({from, to})) {
    ASSERT_TRUE(moved.ok()) << moved.status();
    EXPECT_EQ(moved->stage(), to);
    EXPECT_EQ(moved->transitions_size(), conference.transitions_size() + 1);
  } else {
    ASSERT_EQ(moved.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(ReasonOf(moved.status()),
              from == v1::STAGE_CLOSED ? "CONFERENCE_CLOSED" : "STAGE_TRANSITION_NOT_ALLOWED");
  }
}

INSTANTIATE_TEST_SUITE_P(AllStagePairs, EveryMove,
                         ::testing::Combine(::testing::ValuesIn(kStages),
                                            ::testing::ValuesIn(kStages)),
                         [](const auto& info) {
                           return v1::Stage_Name(std::get<0>(info.param)) + "_to_" +
                                  v1::Stage_Name(std::get<1>(info.param));
                         });

TEST(Allocation, RecordsCoordinatorConsentEntryActorAndTimes) {
  const v1::Conference conference = Referred();
  const absl::Time now = testing::ReferralTime() + absl::Hours(3);
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION),
                      ConsentForAll(conference), At(now), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();

  EXPECT_EQ(moved->coordinator().subject(), testing::kCoordinatorSubject);
  const v1::StageTransition& transition = moved->transitions(0);
  EXPECT_EQ(transition.from_stage(), v1::STAGE_REFERRAL);
  EXPECT_EQ(transition.to_stage(), v1::STAGE_PREPARATION);
  EXPECT_EQ(transition.ledger_entry(), testing::kConsentEntry);
  EXPECT_EQ(transition.actor().subject(), testing::kCoordinatorSubject);
  EXPECT_EQ(ToAbslTime(transition.occur_time()), now);
  EXPECT_EQ(ToAbslTime(transition.record_time()), now);
  EXPECT_EQ(ToAbslTime(moved->acknowledge_time()), now);
  EXPECT_EQ(ToAbslTime(moved->update_time()), now);
}

TEST(Allocation, RecomputesDeadlinesWithPreparation) {
  const v1::Conference conference = Referred();
  const absl::StatusOr<v1::Conference> moved = ApplyTransition(
      conference, AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION),
      ConsentForAll(conference), At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  std::vector<v1::Timescale> timescales;
  for (const v1::Deadline& deadline : moved->deadlines())
    timescales.push_back(deadline.timescale());
  EXPECT_THAT(timescales,
              ElementsAre(v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, v1::TIMESCALE_HOLD_CONFERENCE,
                          v1::TIMESCALE_COMPLETE_PREPARATION));
  EXPECT_TRUE(IsSet(moved->deadlines(0).met_time()));
}

TEST(Allocation, KeepsAnEarlierAcknowledgement) {
  v1::Conference conference = Referred();
  const absl::Time acknowledged = testing::ReferralTime() + absl::Minutes(30);
  *conference.mutable_acknowledge_time() = ToTimestamp(acknowledged);
  const absl::StatusOr<v1::Conference> moved = ApplyTransition(
      conference, AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION),
      ConsentForAll(conference), At(testing::ReferralTime() + absl::Hours(5)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(ToAbslTime(moved->acknowledge_time()), acknowledged);
}

TEST(Allocation, UsesTheCoordinatorAlreadySet) {
  v1::Conference conference = Referred();
  *conference.mutable_coordinator() = testing::IndependentCoordinator();
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, MoveTo(v1::STAGE_PREPARATION), ConsentForAll(conference),
                      At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  EXPECT_TRUE(moved.ok()) << moved.status();
}

TEST(Allocation, WithoutCoordinatorIsCoordinatorRequired) {
  const v1::Conference conference = Referred();
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, MoveTo(v1::STAGE_PREPARATION), ConsentForAll(conference),
                      At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(moved.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(moved.status()), "COORDINATOR_REQUIRED");
}

TEST(Allocation, OfTheReferrerIsNotIndependent) {
  const v1::Conference conference = Referred();
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_PREPARATION);
  request.mutable_coordinator()->set_subject(testing::kReferrerSubject);
  request.mutable_coordinator()->set_display_name("Pat Referrer");
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, request, ConsentForAll(conference),
                      At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(ReasonOf(moved.status()), "COORDINATOR_NOT_INDEPENDENT");
}

TEST(Allocation, WithoutConsentIsConsentRequiredAndChangesNothing) {
  const v1::Conference conference = Referred();
  const absl::StatusOr<v1::Conference> moved = ApplyTransition(
      conference, AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION),
      {{testing::kChild, v1::CONSENT_CHECK_RESULT_REFUSED, "tenants/t1/ledger/entries/9"}},
      At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(moved.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(moved.status()), "CONSENT_REQUIRED");
}

TEST(Allocation, ConsentIsNotAskedForWhenOtherRulesRefuse) {
  const v1::Conference conference = Referred();
  // No coordinator: CheckTransition refuses before the adapter would call the ledger.
  EXPECT_EQ(ReasonOf(CheckTransition(conference, MoveTo(v1::STAGE_PREPARATION),
                                     At(testing::ReferralTime()))),
            "COORDINATOR_REQUIRED");
  EXPECT_TRUE(NeedsConsent(conference, v1::STAGE_PREPARATION));
  EXPECT_FALSE(NeedsConsent(conference, v1::STAGE_CLOSED));
}

TEST(Allocation, PowerInForceLetsTheReferralProceed) {
  const v1::Conference conference = Referred();
  const absl::StatusOr<v1::Conference> moved = ApplyTransition(
      conference, AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION),
      {{testing::kChild, v1::CONSENT_CHECK_RESULT_POWER_IN_FORCE, "tenants/t1/ledger/entries/3"}},
      At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->transitions(0).ledger_entry(), "tenants/t1/ledger/entries/3");
}

TEST(PrivateFamilyTime, RecordsStartAndEndOnly) {
  absl::Time now;
  v1::Conference conference = ConferenceIn(v1::STAGE_INFORMATION_SHARING, &now);
  const absl::Time start = now + absl::Minutes(40), end = now + absl::Minutes(100);
  v1::TransitionConferenceRequest enter = MoveTo(v1::STAGE_PRIVATE_FAMILY_TIME);
  *enter.mutable_occur_time() = ToTimestamp(start);
  v1::TransitionConferenceRequest leave = MoveTo(v1::STAGE_PLAN_AGREEMENT);
  *leave.mutable_occur_time() = ToTimestamp(end);
  const absl::Time recorded = now + absl::Hours(3);  // written up after the meeting

  absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, enter, {}, At(recorded), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  moved = ApplyTransition(*moved, leave, {}, At(recorded), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();

  for (int i : {moved->transitions_size() - 2, moved->transitions_size() - 1}) {
    v1::StageTransition expected;
    expected.set_from_stage(i == moved->transitions_size() - 2 ? v1::STAGE_INFORMATION_SHARING
                                                               : v1::STAGE_PRIVATE_FAMILY_TIME);
    expected.set_to_stage(i == moved->transitions_size() - 2 ? v1::STAGE_PRIVATE_FAMILY_TIME
                                                             : v1::STAGE_PLAN_AGREEMENT);
    *expected.mutable_occur_time() = ToTimestamp(i == moved->transitions_size() - 2 ? start : end);
    *expected.mutable_record_time() = ToTimestamp(recorded);
    *expected.mutable_actor() = CoordinatorActor();
    EXPECT_EQ(moved->transitions(i).SerializeAsString(), expected.SerializeAsString())
        << moved->transitions(i).DebugString();
  }
}

TEST(PrivateFamilyTime, RefusesAReasonOnEnteringOrLeaving) {
  absl::Time now;
  for (v1::Stage from : {v1::STAGE_INFORMATION_SHARING, v1::STAGE_PRIVATE_FAMILY_TIME}) {
    const v1::Conference conference = ConferenceIn(from, &now);
    v1::TransitionConferenceRequest request =
        MoveTo(from == v1::STAGE_INFORMATION_SHARING ? v1::STAGE_PRIVATE_FAMILY_TIME
                                                     : v1::STAGE_PLAN_AGREEMENT);
    request.set_reason("Gran said she would have Sam on Tuesdays.");
    const absl::StatusOr<v1::Conference> moved =
        ApplyTransition(conference, request, {}, At(now + absl::Minutes(1)), TimescaleConfig{});
    EXPECT_EQ(moved.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(FieldsOf(moved.status()), ElementsAre("reason"));
  }
}

TEST(Closing, WithoutOutcomeOrReasonIsRefused) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PREPARATION, &now);
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_CLOSED);
  request.set_reason("   ");
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, request, {}, At(now + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(moved.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(moved.status()), "CLOSURE_REASON_REQUIRED");
}

TEST(Closing, WithAnOutcomeRecordsIt) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &now);
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_CLOSED);
  request.set_outcome(v1::CONFERENCE_OUTCOME_PLAN_AGREED);
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, request, {}, At(now + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->outcome(), v1::CONFERENCE_OUTCOME_PLAN_AGREED);
  EXPECT_FALSE(moved->overdue());
}

TEST(Closing, WithAReasonRecordsIt) {
  const v1::Conference conference = Referred();
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_CLOSED);
  request.set_reason("Consent refused; no power applies.");
  const absl::StatusOr<v1::Conference> moved = ApplyTransition(
      conference, request, {}, At(testing::ReferralTime() + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->closure_reason(), "Consent refused; no power applies.");
  EXPECT_EQ(moved->outcome(), v1::CONFERENCE_OUTCOME_UNSPECIFIED);
}

TEST(Closing, PlanAgreedOutcomeNeedsAnAgreedPlan) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_PLAN_AGREEMENT, &now);
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_CLOSED);
  request.set_outcome(v1::CONFERENCE_OUTCOME_PLAN_AGREED);
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, request, {}, At(now + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(ReasonOf(moved.status()), "STAGE_TRANSITION_NOT_ALLOWED");
}

TEST(Closing, ClosedConferenceRefusesEveryMove) {
  const v1::Conference conference = ConferenceIn(v1::STAGE_CLOSED);
  const absl::Status status =
      CheckTransition(conference, AcceptableRequest(v1::STAGE_CLOSED, v1::STAGE_CLOSED),
                      At(testing::Utc(2027, 1, 1)));
  EXPECT_EQ(ReasonOf(status), "CONFERENCE_CLOSED");
}

TEST(ReviewConference, NeedsAReviewScheduled) {
  absl::Time now;
  v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &now);
  conference.clear_reviews();
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, MoveTo(v1::STAGE_INFORMATION_SHARING), {},
                      At(now + absl::Hours(1)), TimescaleConfig{});
  EXPECT_EQ(ReasonOf(moved.status()), "STAGE_TRANSITION_NOT_ALLOWED");
}

TEST(ReviewConference, MarksTheReviewHeld) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_FOLLOW_UP, &now);
  const absl::StatusOr<v1::Conference> moved =
      ApplyTransition(conference, MoveTo(v1::STAGE_INFORMATION_SHARING), {},
                      At(now + absl::Hours(1)), TimescaleConfig{});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(ToAbslTime(moved->reviews(0).held_time()), now + absl::Hours(1));
}

TEST(TransitionRequest, FieldsThatDoNotFitTheMoveAreInvalid) {
  absl::Time now;
  const v1::Conference conference = ConferenceIn(v1::STAGE_BOOKED, &now);
  v1::TransitionConferenceRequest request = MoveTo(v1::STAGE_INFORMATION_SHARING);
  *request.mutable_coordinator() = testing::IndependentCoordinator();
  request.set_outcome(v1::CONFERENCE_OUTCOME_NO_PLAN);
  *request.mutable_occur_time() = ToTimestamp(now - absl::Hours(1));  // before the booking
  const absl::Status status = CheckTransition(conference, request, At(now + absl::Hours(1)));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldsOf(status), ElementsAre("coordinator", "outcome", "occur_time"));
}

TEST(TransitionRequest, ValidationNamesEveryBadField) {
  const absl::Time now = testing::ReferralTime();
  v1::TransitionConferenceRequest request;
  *request.mutable_occur_time() = ToTimestamp(now + absl::Seconds(1));
  request.mutable_coordinator()->set_display_name("No Subject");
  request.set_outcome(static_cast<v1::ConferenceOutcome>(99));
  request.set_reason(std::string(2001, 'x'));
  const absl::Status status = ValidateTransitionRequest(request, now);
  EXPECT_EQ(ReasonOf(status), "INVALID_FIELD");
  EXPECT_THAT(FieldsOf(status), ElementsAre("name", "stage", "occur_time", "coordinator.subject",
                                            "outcome", "reason"));
}

TEST(TransitionRequest, AWellFormedRequestIsValid) {
  v1::TransitionConferenceRequest request =
      AcceptableRequest(v1::STAGE_REFERRAL, v1::STAGE_PREPARATION);
  *request.mutable_occur_time() = ToTimestamp(testing::ReferralTime());
  EXPECT_TRUE(ValidateTransitionRequest(request, testing::ReferralTime()).ok());
}

TEST(TransitionRequest, BookedIsReachedOnlyThroughBookConference) {
  const absl::Status status = CheckTransition(
      ConferenceIn(v1::STAGE_PREPARATION), MoveTo(v1::STAGE_BOOKED), At(testing::Utc(2026, 4, 1)));
  EXPECT_EQ(ReasonOf(status), "STAGE_TRANSITION_NOT_ALLOWED");
  EXPECT_THAT(PreconditionTypes(status), ElementsAre("STAGE_TRANSITION_NOT_ALLOWED"));
}

}  // namespace
}  // namespace fgc::scheduling
