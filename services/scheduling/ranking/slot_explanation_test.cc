#include "services/scheduling/ranking/slot_explanation.h"

#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::scheduling {
namespace {

using ::testing::HasSubstr;

void AddMissing(v1::SlotSuggestion& s, const std::string& name, bool key,
                v1::AvailabilityAnswer answer) {
  v1::MissingParticipant* m = s.add_missing();
  m->set_display_name(name);
  m->set_key_participant(key);
  m->set_answer(answer);
}

TEST(ExplainSuggestion, LongListsStopWithHowManyMore) {
  v1::SlotSuggestion s;
  for (int i = 0; i < 9; ++i)
    AddMissing(s, "p" + std::to_string(i), false, v1::AVAILABILITY_ANSWER_NO);

  std::string text = ExplainSuggestion(s, {10, 0}, {});

  EXPECT_THAT(text, HasSubstr("p5 (cannot come) and 3 more."));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("p6")));
}

TEST(ExplainSuggestion, UnnamedPeopleAreNotNamed) {
  v1::SlotSuggestion s;
  s.set_key_participants_missing(1);
  s.set_if_need_be_count(1);
  s.set_in_person_count(1);
  AddMissing(s, "", true, v1::AVAILABILITY_ANSWER_NO);
  AddMissing(s, "", false, v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  std::vector<std::string_view> maybe = {""};

  std::string text = ExplainSuggestion(s, {3, 1}, maybe);

  EXPECT_THAT(text, HasSubstr("1 only if need be: someone"));
  EXPECT_THAT(text, HasSubstr("Missing: a key participant (key participant, cannot come), "
                              "someone (no answer)."));
}

TEST(ExplainSuggestion, WithoutKeyParticipantsSaysOnlyWhoCanCome) {
  v1::SlotSuggestion s;
  s.set_remote_count(2);

  EXPECT_EQ(ExplainSuggestion(s, {2, 0}, {}),
            "2 of 2 can come (0 in person, 2 remotely). Nobody is missing.");
}

TEST(ExplainSuggestion, KeepingEveryKeyParticipantIsSaid) {
  v1::SlotSuggestion s;
  s.set_in_person_count(3);

  EXPECT_THAT(ExplainSuggestion(s, {3, 2}, {}), HasSubstr("Keeps all 2 key participants"));
}

TEST(ExplainSuggestion, LosingTheOnlyKeyParticipantSaysItRanksBelow) {
  v1::SlotSuggestion s;
  s.set_key_participants_missing(1);
  AddMissing(s, "Mia", true, v1::AVAILABILITY_ANSWER_UNSPECIFIED);

  EXPECT_THAT(ExplainSuggestion(s, {1, 1}, {}),
              HasSubstr("Loses the key participant, so it ranks below any slot that keeps them "
                        "all; 0 of 1 can come"));
}

TEST(ExplainSuggestion, NobodyCountedSaysSo) {
  EXPECT_THAT(ExplainSuggestion(v1::SlotSuggestion(), {0, 0}, {}), HasSubstr("Nobody is counted"));
}

}  // namespace
}  // namespace fgc::scheduling
