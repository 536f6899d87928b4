// Proposed times and availability over real gRPC against a real `fgc serve`: slots proposed
// while preparing, listed earliest first with the answers, answers replaced per slot, and
// refused for slots the conference does not have.
#include <set>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using google::protobuf::util::TimeUtil;
using testing::FieldsOf;
using testing::ReasonOf;

class Slots : public JourneyTest {
 protected:
  // A remote-only slot `hours` from now, two hours long.
  static v1::Slot RemoteSlot(int hours) {
    v1::Slot slot;
    const absl::Time start = absl::Now() + absl::Hours(hours);
    *slot.mutable_start_time() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start));
    *slot.mutable_end_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start + absl::Hours(2)));
    slot.set_remote_available(true);
    return slot;
  }

  grpc::Status Propose(const std::string& coordinator, const v1::Conference& c,
                       const std::vector<v1::Slot>& slots, v1::ProposeSlotsResponse* out) {
    v1::ProposeSlotsRequest req;
    req.set_parent(c.name());
    for (const auto& s : slots) *req.add_slots() = s;
    *req.mutable_availability_deadline() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now() + absl::Hours(24)));
    return scheduling_->ProposeSlots(As(Coordinator(coordinator)).get(), req, out);
  }

  grpc::Status Answer(const std::string& coordinator, const std::string& member,
                      const std::vector<std::pair<std::string, v1::AvailabilityAnswer>>& answers,
                      v1::RecordAvailabilityResponse* out) {
    v1::RecordAvailabilityRequest req;
    req.set_name(member);
    for (const auto& [slot, answer] : answers) {
      v1::Availability* a = req.add_availability();
      a->set_slot(slot);
      a->set_answer(answer);
    }
    return scheduling_->RecordAvailability(As(Coordinator(coordinator)).get(), req, out);
  }
};

TEST_F(Slots, ProposedTimesAreListedEarliestFirstWithTheAnswers) {
  const v1::Conference c = Prepared("coord-slots", "slots-agency");
  v1::ProposeSlotsResponse proposed;
  grpc::Status s = Propose("coord-slots", c, {RemoteSlot(24 * 9), RemoteSlot(24 * 8)}, &proposed);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(proposed.slots_size(), 2);
  EXPECT_TRUE(proposed.has_availability_deadline());

  const std::string mum = c.name() + "/members/alex";
  v1::RecordAvailabilityResponse answered;
  ASSERT_TRUE(Answer("coord-slots", mum,
                     {{proposed.slots(0).name(), v1::AVAILABILITY_ANSWER_NO},
                      {proposed.slots(1).name(), v1::AVAILABILITY_ANSWER_YES}},
                     &answered)
                  .ok());
  // A later answer to one slot replaces the earlier one.
  ASSERT_TRUE(Answer("coord-slots", mum,
                     {{proposed.slots(0).name(), v1::AVAILABILITY_ANSWER_IF_NEED_BE}}, &answered)
                  .ok());
  ASSERT_EQ(answered.availability_size(), 2);

  v1::ListSlotsRequest list;
  list.set_parent(c.name());
  v1::ListSlotsResponse listed;
  grpc::Status listed_status =
      scheduling_->ListSlots(As(Coordinator("coord-slots")).get(), list, &listed);
  ASSERT_TRUE(listed_status.ok()) << listed_status.error_message();
  ASSERT_EQ(listed.slots_size(), 2);
  EXPECT_EQ(listed.slots(0).name(), proposed.slots(1).name());  // eight days out comes first
  EXPECT_EQ(listed.time_zone(), "Europe/London");
  ASSERT_EQ(listed.slots(1).availability_size(), 1);
  EXPECT_EQ(listed.slots(1).availability(0).answer(), v1::AVAILABILITY_ANSWER_IF_NEED_BE);
  EXPECT_EQ(listed.slots(1).availability(0).member(), mum);
  EXPECT_EQ(listed.slots(1).availability(0).recorded_by().subject(), "coord-slots");
}

TEST_F(Slots, AnswersToSlotsTheConferenceDoesNotHaveAreRefused) {
  const v1::Conference c = Prepared("coord-bad-slots", "slots-agency");
  v1::ProposeSlotsResponse proposed;
  ASSERT_TRUE(Propose("coord-bad-slots", c, {RemoteSlot(24 * 8)}, &proposed).ok());
  const std::string member = c.name() + "/members/alex";
  v1::RecordAvailabilityResponse out;
  grpc::Status s =
      Answer("coord-bad-slots", member,
             {{c.name() + "/slots/s-000000000000", v1::AVAILABILITY_ANSWER_YES}}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  s = Answer("coord-bad-slots", member,
             {{proposed.slots(0).name(), v1::AVAILABILITY_ANSWER_YES},
              {proposed.slots(0).name(), v1::AVAILABILITY_ANSWER_NO}},
             &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(FieldsOf(s).count("availability[1].slot")) << s.error_message();
}

TEST_F(Slots, TimesAreProposedOnlyWhilePreparing) {
  const v1::Conference c = Create(Referrer("slots-agency"));
  v1::ProposeSlotsResponse proposed;
  grpc::Status s = Propose("coord-kim", c, {RemoteSlot(24 * 8)}, &proposed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "STAGE_TRANSITION_NOT_ALLOWED");
}

TEST_F(Slots, SixHundredSlotsArePagedThroughWholeAndInOrder) {
  const v1::Conference c = Prepared("coord-many", "slots-agency");
  std::vector<v1::Slot> many;
  for (int i = 0; i < 600; ++i) many.push_back(RemoteSlot(24 * 3 + i));
  v1::ProposeSlotsResponse proposed;
  ASSERT_TRUE(Propose("coord-many", c, many, &proposed).ok());
  v1::ListSlotsRequest list;
  list.set_parent(c.name());
  list.set_page_size(500);
  std::set<std::string> seen;
  int64_t last = 0;
  do {
    v1::ListSlotsResponse page;
    ASSERT_TRUE(scheduling_->ListSlots(As(Coordinator("coord-many")).get(), list, &page).ok());
    for (const auto& slot : page.slots()) {
      EXPECT_TRUE(seen.insert(slot.name()).second);
      EXPECT_GE(TimeUtil::TimestampToMicroseconds(slot.start_time()), last);
      last = TimeUtil::TimestampToMicroseconds(slot.start_time());
    }
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  EXPECT_EQ(seen.size(), 600u);
}

}  // namespace
}  // namespace fgc::journey
