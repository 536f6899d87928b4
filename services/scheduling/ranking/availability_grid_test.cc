#include "services/scheduling/ranking/availability_grid.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/ranking/ranking_test_data.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using testing::MakeSlot;
using testing::MemberName;
using testing::Person;

void Answer(v1::Slot& slot, const std::string& id, v1::AvailabilityAnswer answer,
            v1::AttendanceMode mode = v1::ATTENDANCE_MODE_UNSPECIFIED) {
  v1::Availability* a = slot.add_availability();
  a->set_slot(slot.name());
  a->set_member(MemberName(id));
  a->set_answer(answer);
  a->set_mode(mode);
}

TEST(AvailabilityGrid, UnsetCellsReadAsNoAnswer) {
  AvailabilityGrid grid(2, 3);

  EXPECT_EQ(grid.answer(1, 2), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  EXPECT_EQ(grid.mode(1, 2), v1::ATTENDANCE_MODE_UNSPECIFIED);
}

TEST(AvailabilityGrid, SetCellReadsBackAnswerAndMode) {
  AvailabilityGrid grid(2, 3);

  ASSERT_TRUE(grid.Set(1, 2, v1::AVAILABILITY_ANSWER_IF_NEED_BE, v1::ATTENDANCE_MODE_REMOTE));

  EXPECT_EQ(grid.answer(1, 2), v1::AVAILABILITY_ANSWER_IF_NEED_BE);
  EXPECT_EQ(grid.mode(1, 2), v1::ATTENDANCE_MODE_REMOTE);
  EXPECT_EQ(grid.answer(0, 2), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  EXPECT_EQ(grid.SlotRow(2).size(), 2u);
}

TEST(AvailabilityGrid, CellsOutsideAreRefusedAndReadAsNoAnswer) {
  AvailabilityGrid grid(2, 3);

  EXPECT_FALSE(grid.Set(2, 0, v1::AVAILABILITY_ANSWER_YES));
  EXPECT_FALSE(grid.Set(0, 3, v1::AVAILABILITY_ANSWER_YES));
  EXPECT_EQ(grid.answer(5, 5), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  EXPECT_TRUE(grid.SlotRow(3).empty());
}

TEST(AvailabilityGrid, AnswersOutsideTheEnumAreRefused) {
  AvailabilityGrid grid(1, 1);

  EXPECT_FALSE(grid.Set(0, 0, static_cast<v1::AvailabilityAnswer>(9)));
  EXPECT_FALSE(grid.Set(0, 0, v1::AVAILABILITY_ANSWER_YES, static_cast<v1::AttendanceMode>(7)));
  EXPECT_EQ(grid.answer(0, 0), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
}

TEST(ReadAnswers, PlacesEachAnswerInItsMembersColumnWhateverTheOrder) {
  std::vector<Participant> people = {Person("a"), Person("b"), Person("c")};
  std::vector<v1::Slot> slots = {MakeSlot("s0", 1), MakeSlot("s1", 2)};
  Answer(slots[1], "c", v1::AVAILABILITY_ANSWER_NO);
  Answer(slots[1], "a", v1::AVAILABILITY_ANSWER_YES, v1::ATTENDANCE_MODE_REMOTE);
  Answer(slots[0], "b", v1::AVAILABILITY_ANSWER_IF_NEED_BE);

  GridFromAnswers read = ReadAnswers(people, slots);

  EXPECT_EQ(read.grid.answer(2, 1), v1::AVAILABILITY_ANSWER_NO);
  EXPECT_EQ(read.grid.answer(0, 1), v1::AVAILABILITY_ANSWER_YES);
  EXPECT_EQ(read.grid.mode(0, 1), v1::ATTENDANCE_MODE_REMOTE);
  EXPECT_EQ(read.grid.answer(1, 0), v1::AVAILABILITY_ANSWER_IF_NEED_BE);
  EXPECT_EQ(read.grid.answer(1, 1), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
  EXPECT_EQ(read.ignored_answers, 0);
}

TEST(ReadAnswers, AnswersOfMembersNotCountedAreIgnoredAndNamedOnce) {
  std::vector<v1::Slot> slots = {MakeSlot("s0", 1), MakeSlot("s1", 2)};
  Answer(slots[0], "excluded", v1::AVAILABILITY_ANSWER_YES);
  Answer(slots[1], "excluded", v1::AVAILABILITY_ANSWER_YES);

  GridFromAnswers read = ReadAnswers(std::vector<Participant>{Person("a")}, slots);

  EXPECT_EQ(read.ignored_answers, 2);
  EXPECT_THAT(read.unknown_members, ElementsAre(MemberName("excluded")));
  EXPECT_EQ(read.grid.answer(0, 0), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
}

TEST(ReadAnswers, LaterAnswerForTheSameSlotWins) {
  std::vector<v1::Slot> slots = {MakeSlot("s0", 1)};
  Answer(slots[0], "a", v1::AVAILABILITY_ANSWER_YES);
  Answer(slots[0], "a", v1::AVAILABILITY_ANSWER_NO);

  GridFromAnswers read = ReadAnswers(std::vector<Participant>{Person("a")}, slots);

  EXPECT_EQ(read.grid.answer(0, 0), v1::AVAILABILITY_ANSWER_NO);
}

TEST(ReadAnswers, MemberListedTwiceAnswersInTheFirstColumn) {
  std::vector<Participant> people = {Person("a"), Person("b"), Person("a")};
  std::vector<v1::Slot> slots = {MakeSlot("s0", 1)};
  Answer(slots[0], "a", v1::AVAILABILITY_ANSWER_NO);
  Answer(slots[0], "b", v1::AVAILABILITY_ANSWER_NO);
  Answer(slots[0], "a", v1::AVAILABILITY_ANSWER_YES);

  GridFromAnswers read = ReadAnswers(people, slots);

  EXPECT_EQ(read.grid.answer(0, 0), v1::AVAILABILITY_ANSWER_YES);
  EXPECT_EQ(read.grid.answer(2, 0), v1::AVAILABILITY_ANSWER_UNSPECIFIED);
}

TEST(ReadAnswers, AnswerOutsideTheEnumIsIgnored) {
  std::vector<v1::Slot> slots = {MakeSlot("s0", 1)};
  Answer(slots[0], "a", static_cast<v1::AvailabilityAnswer>(12));

  GridFromAnswers read = ReadAnswers(std::vector<Participant>{Person("a")}, slots);

  EXPECT_EQ(read.ignored_answers, 1);
  EXPECT_TRUE(read.unknown_members.empty());
}

}  // namespace
}  // namespace fgc::scheduling
