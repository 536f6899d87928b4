#include "services/scheduling/ranking/slot_ranking.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/ranking/ranking_test_data.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using testing::Grid;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::KeyPerson;
using testing::MakeSlot;
using testing::MemberName;
using testing::Person;

// RankSlots over vectors, so that tests can write their lists in place.
SlotRanking Rank(const std::vector<Participant>& people, const std::vector<v1::Slot>& slots,
                 const AvailabilityGrid& grid, const RankingOptions& options = {}) {
  return RankSlots(people, slots, grid, options);
}

// The slots' ids (last name segment) in rank order.
std::vector<std::string> Order(const SlotRanking& ranking) {
  std::vector<std::string> ids;
  for (const auto& s : ranking.response.suggestions()) {
    ids.push_back(s.slot().name().substr(s.slot().name().rfind('/') + 1));
  }
  return ids;
}

TEST(RankSlots, SlotLosingAKeyParticipantRanksBelowOneKeepingThemEvenWithManyMoreOthers) {
  std::vector<Participant> people = {KeyPerson("mum")};
  for (int i = 0; i < 20; ++i) people.push_back(Person("cousin" + std::to_string(i)));
  std::vector<v1::Slot> slots = {MakeSlot("crowded", 1), MakeSlot("with-mum", 2)};
  AvailabilityGrid grid = Grid(people.size(), {"NYYYYYYYYYYYYYYYYYYYY", "Y"});

  SlotRanking ranking = Rank(people, slots, grid);

  EXPECT_THAT(Order(ranking), ElementsAre("with-mum", "crowded"));
  EXPECT_EQ(ranking.response.suggestions(0).key_participants_missing(), 0);
  EXPECT_EQ(ranking.response.suggestions(1).key_participants_missing(), 1);
  EXPECT_GT(ranking.response.suggestions(1).score(), ranking.response.suggestions(0).score());
}

TEST(RankSlots, FewerKeyParticipantsMissingRanksHigher) {
  std::vector<Participant> people = {KeyPerson("child"), KeyPerson("mum"), KeyPerson("dad")};
  std::vector<v1::Slot> slots = {MakeSlot("loses-two", 1), MakeSlot("loses-one", 2)};

  SlotRanking ranking = Rank(people, slots, Grid(3, {"YNN", "YYN"}));

  EXPECT_THAT(Order(ranking), ElementsAre("loses-one", "loses-two"));
}

TEST(RankSlots, KeyParticipantWithoutAnswerCountsAsMissing) {
  std::vector<Participant> people = {KeyPerson("child"), Person("nan")};
  std::vector<v1::Slot> slots = {MakeSlot("unanswered", 1), MakeSlot("answered", 2)};

  SlotRanking ranking = Rank(people, slots, Grid(2, {"?Y", "YN"}));

  EXPECT_THAT(Order(ranking), ElementsAre("answered", "unanswered"));
  EXPECT_EQ(ranking.response.suggestions(1).key_participants_missing(), 1);
}

TEST(RankSlots, ScoreIsTheSumOfRoleWeightsOfThoseWhoCanCome) {
  Participant advocate = Person("advocate", kAdvocateWeight);
  std::vector<Participant> people = {KeyPerson("child"), advocate, Person("uncle")};

  SlotRanking ranking = Rank(people, {MakeSlot("a", 1)}, Grid(3, {"YYY"}));

  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(),
                   kKeyParticipantWeight + kAdvocateWeight + kOtherWeight);
}

TEST(RankSlots, HigherWeightedScoreRanksFirstWhenKeyParticipantsAreEqual) {
  std::vector<Participant> people = {Person("advocate", kAdvocateWeight), Person("a"), Person("b")};
  std::vector<v1::Slot> slots = {MakeSlot("two-others", 1), MakeSlot("advocate", 2)};

  // Two people of weight 1 (score 2) against the advocate alone (2) plus half a maybe (0.5).
  SlotRanking ranking = Rank(people, slots, Grid(3, {"NYY", "YMN"}));

  EXPECT_THAT(Order(ranking), ElementsAre("advocate", "two-others"));
}

TEST(RankSlots, IfNeedBeCountsHalfAWeight) {
  std::vector<Participant> people = {Person("a", 4), Person("b", 4)};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(2, {"YM"}));

  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 6.0);
  EXPECT_EQ(ranking.response.suggestions(0).if_need_be_count(), 1);
  EXPECT_THAT(ranking.response.suggestions(0).missing(), IsEmpty());
}

TEST(RankSlots, NoAnswerCountsNothingAndIsMissing) {
  std::vector<Participant> people = {Person("a"), Person("b")};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(2, {"Y?"}));

  const v1::SlotSuggestion& s = ranking.response.suggestions(0);
  EXPECT_DOUBLE_EQ(s.score(), 1.0);
  ASSERT_EQ(s.missing_size(), 1);
  EXPECT_EQ(s.missing(0).member(), MemberName("b"));
  EXPECT_EQ(s.missing(0).answer(), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
}

TEST(RankSlots, EqualScoresGoToMorePeopleInPerson) {
  std::vector<Participant> people = {Person("a"), Person("b")};
  std::vector<v1::Slot> slots = {MakeSlot("mostly-remote", 1, true, true),
                                 MakeSlot("in-person", 2, true, true)};

  SlotRanking ranking = Rank(people, slots, Grid(2, {"RR", "YR"}));

  EXPECT_THAT(Order(ranking), ElementsAre("in-person", "mostly-remote"));
  EXPECT_EQ(ranking.response.suggestions(0).in_person_count(), 1);
  EXPECT_EQ(ranking.response.suggestions(0).remote_count(), 1);
  EXPECT_EQ(ranking.response.suggestions(1).remote_count(), 2);
}

TEST(RankSlots, FullTiesGoToTheEarliestStart) {
  std::vector<Participant> people = {Person("a")};
  std::vector<v1::Slot> slots = {MakeSlot("later", 48), MakeSlot("sooner", 24),
                                 MakeSlot("latest", 72)};

  SlotRanking ranking = Rank(people, slots, Grid(1, {"Y", "Y", "Y"}));

  EXPECT_THAT(Order(ranking), ElementsAre("sooner", "later", "latest"));
}

TEST(RankSlots, SlotsStartingTogetherKeepTheOrderGiven) {
  std::vector<v1::Slot> slots = {MakeSlot("first", 5), MakeSlot("second", 5)};

  SlotRanking ranking = Rank({}, slots, AvailabilityGrid(0, 2));

  EXPECT_THAT(Order(ranking), ElementsAre("first", "second"));
}

TEST(RankSlots, RanksAreNumberedFromOne) {
  std::vector<v1::Slot> slots = {MakeSlot("a", 1), MakeSlot("b", 2), MakeSlot("c", 3)};

  SlotRanking ranking = Rank({Person("x")}, slots, Grid(1, {"N", "Y", "M"}));

  ASSERT_EQ(ranking.response.suggestions_size(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(ranking.response.suggestions(i).rank(), i + 1);
  EXPECT_THAT(Order(ranking), ElementsAre("b", "c", "a"));
}

TEST(RankSlots, MissingListsKeyParticipantsFirstWithTheirAnswers) {
  std::vector<Participant> people = {Person("uncle"), KeyPerson("dad"), Person("nan"),
                                     KeyPerson("mum")};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(4, {"N?YN"}));

  const auto& missing = ranking.response.suggestions(0).missing();
  ASSERT_EQ(missing.size(), 3);
  EXPECT_EQ(missing[0].display_name(), "dad");
  EXPECT_TRUE(missing[0].key_participant());
  EXPECT_EQ(missing[0].answer(), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  EXPECT_EQ(missing[1].display_name(), "mum");
  EXPECT_EQ(missing[1].answer(), v1::AVAILABILITY_ANSWER_NO);
  EXPECT_EQ(missing[2].display_name(), "uncle");
  EXPECT_FALSE(missing[2].key_participant());
}

TEST(RankSlots, ExplanationNamesTheMissingAndTheKeyParticipantsLost) {
  std::vector<Participant> people = {KeyPerson("mum"), KeyPerson("child"), Person("nan"),
                                     Person("uncle")};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(4, {"NYM?"}));

  const std::string& text = ranking.response.suggestions(0).explanation();
  EXPECT_THAT(text, HasSubstr("Loses 1 of 2 key participants"));
  EXPECT_THAT(text, HasSubstr("2 of 4 can come"));
  EXPECT_THAT(text, HasSubstr("1 only if need be: nan"));
  EXPECT_THAT(text, HasSubstr("Missing: mum (key participant, cannot come), uncle (no answer)."));
}

TEST(RankSlots, ExplanationSaysWhenEveryoneCanCome) {
  SlotRanking ranking = Rank({KeyPerson("child")}, {MakeSlot("s", 1)}, Grid(1, {"Y"}));

  EXPECT_EQ(ranking.response.suggestions(0).explanation(),
            "Keeps the key participant; 1 of 1 can come (1 in person, 0 remotely). "
            "Nobody is missing.");
}

TEST(RankSlots, RemoteParticipantCannotComeToASlotWithoutRemoteJoining) {
  Participant abroad = KeyPerson("dad");
  abroad.mode = v1::ATTENDANCE_MODE_REMOTE;
  std::vector<v1::Slot> slots = {MakeSlot("room-only", 1), MakeSlot("hybrid", 2, true, true)};

  SlotRanking ranking = Rank({abroad}, slots, Grid(1, {"Y", "Y"}));

  EXPECT_THAT(Order(ranking), ElementsAre("hybrid", "room-only"));
  const v1::SlotSuggestion& room = ranking.response.suggestions(1);
  ASSERT_EQ(room.missing_size(), 1);
  EXPECT_EQ(room.missing(0).answer(), v1::AVAILABILITY_ANSWER_YES);
  EXPECT_THAT(room.explanation(), HasSubstr("dad (key participant, can only join remotely)"));
}

TEST(RankSlots, AnswerModeOverridesTheParticipantsOwn) {
  Participant abroad = Person("dad");
  abroad.mode = v1::ATTENDANCE_MODE_REMOTE;

  SlotRanking ranking = Rank({abroad}, {MakeSlot("s", 1)}, Grid(1, {"P"}));

  EXPECT_EQ(ranking.response.suggestions(0).in_person_count(), 1);
  EXPECT_THAT(ranking.response.suggestions(0).missing(), IsEmpty());
}

TEST(RankSlots, SlotWithoutVenueIsRemoteForEveryone) {
  std::vector<Participant> people = {Person("a"), Person("b")};

  SlotRanking ranking =
      Rank(people, {MakeSlot("video", 1, /*venue=*/false, /*remote=*/false)}, Grid(2, {"PR"}));

  EXPECT_EQ(ranking.response.suggestions(0).remote_count(), 2);
  EXPECT_EQ(ranking.response.suggestions(0).in_person_count(), 0);
}

TEST(RankSlots, NoParticipantsRanksSlotsByEarliestStart) {
  std::vector<v1::Slot> slots = {MakeSlot("b", 2), MakeSlot("a", 1)};

  SlotRanking ranking = Rank({}, slots, AvailabilityGrid());

  EXPECT_THAT(Order(ranking), ElementsAre("a", "b"));
  EXPECT_EQ(ranking.response.participant_count(), 0);
  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 0.0);
  EXPECT_THAT(ranking.response.suggestions(0).explanation(), HasSubstr("Nobody is counted"));
}

TEST(RankSlots, NoSlotsGivesNoSuggestions) {
  SlotRanking ranking = Rank({Person("a")}, {}, AvailabilityGrid(1, 0));

  EXPECT_THAT(ranking.response.suggestions(), IsEmpty());
  EXPECT_EQ(ranking.response.participant_count(), 1);
}

TEST(RankSlots, DuplicateParticipantCountsOnceAsFirstListed) {
  std::vector<Participant> people = {Person("a"), Person("a", 5)};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(2, {"YY"}));

  EXPECT_EQ(ranking.response.participant_count(), 1);
  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 1.0);
  EXPECT_THAT(ranking.notes.duplicate_participants, ElementsAre(MemberName("a")));
}

TEST(RankSlots, DuplicateSlotNameIsRankedOnceAsFirstListed) {
  std::vector<v1::Slot> slots = {MakeSlot("s", 2), MakeSlot("s", 1)};

  SlotRanking ranking = Rank({Person("a")}, slots, Grid(1, {"N", "Y"}));

  ASSERT_EQ(ranking.response.suggestions_size(), 1);
  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 0.0);
  EXPECT_THAT(ranking.notes.duplicate_slots, ElementsAre(slots[1].name()));
}

TEST(RankSlots, CellsOutsideASmallerGridReadAsNoAnswer) {
  std::vector<Participant> people = {Person("a"), KeyPerson("b")};
  std::vector<v1::Slot> slots = {MakeSlot("in-grid", 1), MakeSlot("beyond", 2)};

  SlotRanking ranking = Rank(people, slots, Grid(1, {"Y"}));

  ASSERT_EQ(ranking.response.suggestions_size(), 2);
  EXPECT_EQ(ranking.response.suggestions(0).key_participants_missing(), 1);
  EXPECT_EQ(ranking.response.suggestions(1).missing_size(), 2);
}

TEST(RankSlots, NegativeWeightCountsAsZero) {
  SlotRanking ranking = Rank({Person("a", -5)}, {MakeSlot("s", 1)}, Grid(1, {"Y"}));

  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 0.0);
}

TEST(RankSlots, WeightAboveTheCapCountsAsTheCap) {
  std::vector<Participant> people = {Person("a", 2'000'000'000), Person("b", 2'000'000'000)};

  SlotRanking ranking = Rank(people, {MakeSlot("s", 1)}, Grid(2, {"YY"}));

  EXPECT_DOUBLE_EQ(ranking.response.suggestions(0).score(), 2.0 * kMaxWeight);
}

TEST(RankSlots, SlotsAlreadyStartedAreLeftOut) {
  std::vector<v1::Slot> slots = {MakeSlot("past", 1), MakeSlot("future", 3)};
  RankingOptions options;
  options.now = absl::FromUnixSeconds(slots[1].start_time().seconds() - 1);

  SlotRanking ranking = Rank({}, slots, AvailabilityGrid(), options);

  EXPECT_THAT(Order(ranking), ElementsAre("future"));
  EXPECT_EQ(ranking.notes.past_slots, 1);
}

std::vector<v1::Slot> ManySlots(int n) {
  std::vector<v1::Slot> slots;
  for (int i = 0; i < n; ++i) slots.push_back(MakeSlot("s" + std::to_string(i), i));
  return slots;
}

TEST(RankSlots, ZeroMaxSuggestionsGivesTen) {
  SlotRanking ranking = Rank({}, ManySlots(30), AvailabilityGrid());

  EXPECT_EQ(ranking.response.suggestions_size(), kDefaultSuggestions);
}

TEST(RankSlots, MaxSuggestionsIsCappedAtAHundred) {
  RankingOptions options;
  options.max_suggestions = 500;

  SlotRanking ranking = Rank({}, ManySlots(150), AvailabilityGrid(), options);

  EXPECT_EQ(ranking.response.suggestions_size(), kMaxSuggestions);
}

TEST(RankSlots, BestSlotIsFoundAmongMoreThanAreShown) {
  std::vector<v1::Slot> slots = ManySlots(50);
  AvailabilityGrid grid(1, 50);
  grid.Set(0, 42, v1::AVAILABILITY_ANSWER_YES);
  RankingOptions options;
  options.max_suggestions = 1;

  SlotRanking ranking = Rank({Person("a")}, slots, grid, options);

  EXPECT_THAT(Order(ranking), ElementsAre("s42"));
}

TEST(RankSlots, SuggestedSlotLeavesOutAnswersUnlessAsked) {
  v1::Slot slot = MakeSlot("s", 1);
  slot.add_availability()->set_member(MemberName("a"));
  RankingOptions with_answers;
  with_answers.include_answers = true;

  SlotRanking plain = Rank({}, {slot}, AvailabilityGrid());
  SlotRanking full = Rank({}, {slot}, AvailabilityGrid(), with_answers);

  EXPECT_EQ(plain.response.suggestions(0).slot().availability_size(), 0);
  EXPECT_EQ(plain.response.suggestions(0).slot().start_time().seconds(),
            slot.start_time().seconds());
  EXPECT_EQ(plain.response.suggestions(0).slot().venue(), slot.venue());
  EXPECT_EQ(full.response.suggestions(0).slot().availability_size(), 1);
}

}  // namespace
}  // namespace fgc::scheduling
