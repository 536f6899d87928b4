#include "services/scheduling/lifecycle/overdue_list.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::ReasonOf;
using testing::ReferralTime;
using testing::Referred;
using testing::Utc;

const TimescaleConfig kDefaults;

v1::Conference Named(v1::Conference conference, std::string name) {
  conference.set_name(std::move(name));
  return conference;
}

std::vector<std::string> Names(const std::vector<v1::OverdueConference>& overdue) {
  std::vector<std::string> names;
  for (const auto& entry : overdue) names.push_back(entry.conference().name());
  return names;
}

TEST(OverdueFilter, EmptyMatchesEverything) {
  const absl::StatusOr<OverdueFilter> filter = ParseOverdueFilter("  ");
  ASSERT_TRUE(filter.ok());
  EXPECT_FALSE(filter->timescale || filter->coordinator_subject || filter->referring_agency);
}

TEST(OverdueFilter, ParsesEveryField) {
  const absl::StatusOr<OverdueFilter> filter = ParseOverdueFilter(
      "timescale = TIMESCALE_ACKNOWLEDGE_REFERRAL AND coordinator.subject = \"c-1\" AND "
      "referral.referring_agency=\"northshire-cs\"");
  ASSERT_TRUE(filter.ok()) << filter.status();
  EXPECT_EQ(filter->timescale, v1::TIMESCALE_ACKNOWLEDGE_REFERRAL);
  EXPECT_EQ(filter->coordinator_subject, "c-1");
  EXPECT_EQ(filter->referring_agency, "northshire-cs");
}

TEST(OverdueFilter, RefusesWhatItCannotUse) {
  for (const char* text :
       {"stage = STAGE_REFERRAL", "timescale = TIMESCALE_SOON", "coordinator.subject = c-1",
        "timescale", "timescale = TIMESCALE_HOLD_REVIEW AND timescale = TIMESCALE_HOLD_REVIEW",
        "timescale = TIMESCALE_HOLD_REVIEW AND "}) {
    const absl::StatusOr<OverdueFilter> filter = ParseOverdueFilter(text);
    EXPECT_EQ(filter.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(ReasonOf(filter.status()), "INVALID_FILTER") << text;
  }
}

TEST(ListOverdue, ListsOnlyConferencesPastATimescale) {
  const std::vector<v1::Conference> conferences = {
      Named(Referred(ReferralTime()), "tenants/t1/conferences/late"),
      Named(Referred(Utc(2026, 3, 4, 9)), "tenants/t1/conferences/fresh")};
  // The first referral's acknowledgement fell due when Thursday 5 March began.
  const std::vector<v1::OverdueConference> overdue =
      ListOverdueAt(conferences, {}, kDefaults, Utc(2026, 3, 5, 0, 0, 1));
  ASSERT_THAT(Names(overdue), ElementsAre("tenants/t1/conferences/late"));
  ASSERT_EQ(overdue[0].missed_deadlines_size(), 1);
  EXPECT_EQ(overdue[0].missed_deadlines(0).timescale(), v1::TIMESCALE_ACKNOWLEDGE_REFERRAL);
  EXPECT_TRUE(overdue[0].conference().overdue());
}

TEST(ListOverdue, NothingIsOverdueAtTheDueInstant) {
  const std::vector<v1::Conference> conferences = {Referred()};
  EXPECT_THAT(ListOverdueAt(conferences, {}, kDefaults, Utc(2026, 3, 5)), IsEmpty());
}

TEST(ListOverdue, MostOverdueComesFirst) {
  const std::vector<v1::Conference> conferences = {
      Named(Referred(Utc(2026, 3, 3, 9)), "tenants/t1/conferences/b"),
      Named(Referred(Utc(2026, 3, 2, 9)), "tenants/t1/conferences/c"),
      Named(Referred(Utc(2026, 3, 2, 11)), "tenants/t1/conferences/a")};
  EXPECT_THAT(Names(ListOverdueAt(conferences, {}, kDefaults, Utc(2026, 3, 20))),
              ElementsAre("tenants/t1/conferences/a", "tenants/t1/conferences/c",
                          "tenants/t1/conferences/b"));
}

TEST(ListOverdue, FiltersByTimescale) {
  const std::vector<v1::Conference> conferences = {
      Named(Referred(ReferralTime(), v1::URGENCY_URGENT), "tenants/t1/conferences/urgent"),
      Named(Referred(ReferralTime()), "tenants/t1/conferences/standard")};
  OverdueFilter filter;
  filter.timescale = v1::TIMESCALE_HOLD_CONFERENCE;
  const absl::Time just_after_a_day = ReferralTime() + absl::Hours(24) + absl::Seconds(1);
  EXPECT_THAT(Names(ListOverdueAt(conferences, filter, kDefaults, just_after_a_day)),
              ElementsAre("tenants/t1/conferences/urgent"));
  EXPECT_THAT(ListOverdueAt(conferences, filter, kDefaults, ReferralTime() + absl::Hours(24)),
              IsEmpty());
}

TEST(ListOverdue, FiltersByCoordinatorAndAgency) {
  v1::Conference other_agency = Named(Referred(), "tenants/t1/conferences/other");
  other_agency.mutable_referral()->set_referring_agency("southshire-cs");
  v1::Conference allocated =
      Named(testing::ConferenceIn(v1::STAGE_PREPARATION), "tenants/t1/conferences/allocated");
  const std::vector<v1::Conference> conferences = {other_agency, allocated};
  const absl::Time late = Utc(2026, 12, 1);

  OverdueFilter by_agency;
  by_agency.referring_agency = "southshire-cs";
  EXPECT_THAT(Names(ListOverdueAt(conferences, by_agency, kDefaults, late)),
              ElementsAre("tenants/t1/conferences/other"));
  OverdueFilter by_coordinator;
  by_coordinator.coordinator_subject = testing::kCoordinatorSubject;
  EXPECT_THAT(Names(ListOverdueAt(conferences, by_coordinator, kDefaults, late)),
              ElementsAre("tenants/t1/conferences/allocated"));
}

TEST(ListOverdue, LeavesClosedConferencesOut) {
  const std::vector<v1::Conference> conferences = {testing::ConferenceIn(v1::STAGE_CLOSED)};
  EXPECT_THAT(ListOverdueAt(conferences, {}, kDefaults, Utc(2027, 1, 1)), IsEmpty());
}

}  // namespace
}  // namespace fgc::scheduling
