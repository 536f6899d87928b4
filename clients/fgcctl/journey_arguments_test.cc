#include "clients/fgcctl/journey_arguments.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

TEST(JourneyArguments, BareMemberIdIsNamedInItsConference) {
  EXPECT_EQ(InConferenceArgument("t1", "jones", "members", "nan").value(),
            "tenants/t1/conferences/jones/members/nan");
  EXPECT_EQ(InConferenceArgument("", "tenants/t1/conferences/jones", "slots", "s-1").value(),
            "tenants/t1/conferences/jones/slots/s-1");
}

TEST(JourneyArguments, BareIdWithoutItsConferenceIsRefused) {
  EXPECT_EQ(InConferenceArgument("t1", "", "members", "nan").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(JourneyArguments, ConferenceOfANameBelowIt) {
  EXPECT_EQ(ConferenceOf("tenants/t1/conferences/jones/invitations/i-1"),
            "tenants/t1/conferences/jones");
  EXPECT_EQ(ConferenceOf("tenants/t1/venues/v"), "");
}

TEST(JourneyArguments, TokenIsTakenFromAWholeLinkOrGivenAlone) {
  EXPECT_EQ(TokenFromLink("https://family.example.org/i/AbC-d_9\n"), "AbC-d_9");
  EXPECT_EQ(TokenFromLink("AbC-d_9"), "AbC-d_9");
}

TEST(JourneyArguments, IntervalReadsAnEndOrADuration) {
  auto to_end = ParseInterval("2025-05-06T10:00:00+01:00/2025-05-06T14:00:00+01:00");
  ASSERT_TRUE(to_end.ok()) << to_end.status();
  EXPECT_EQ(TimeUtil::ToString(to_end->start), "2025-05-06T09:00:00Z");
  auto four_hours = ParseInterval("2025-05-06T10:00:00Z/4h");
  ASSERT_TRUE(four_hours.ok()) << four_hours.status();
  EXPECT_EQ(TimeUtil::ToString(four_hours->end), "2025-05-06T14:00:00Z");
}

TEST(JourneyArguments, IntervalEndingBeforeItStartsIsRefused) {
  EXPECT_FALSE(ParseInterval("2025-05-06T10:00:00Z/2025-05-06T09:00:00Z").ok());
  EXPECT_FALSE(ParseInterval("2025-05-06T10:00:00Z").ok());
}

TEST(JourneyArguments, DateMustBeARealDay) {
  auto date = ParseDate("2025-06-30");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->month(), 6);
  EXPECT_FALSE(ParseDate("2025-02-30").ok());
  EXPECT_FALSE(ParseDate("30/06/2025").ok());
}

TEST(JourneyArguments, InterpreterNeedCarriesItsLanguageAndDetails) {
  auto need = ParseNeed("interpreter:pl:Silesian: not Polish only");
  ASSERT_TRUE(need.ok()) << need.status();
  EXPECT_EQ(need->kind(), v1::NEED_KIND_INTERPRETER);
  EXPECT_EQ(need->language_code(), "pl");
  EXPECT_EQ(need->details(), "Silesian: not Polish only");
  EXPECT_FALSE(ParseNeed("interpreter").ok());
}

TEST(JourneyArguments, OtherNeedsKeepTheirWords) {
  auto need = ParseNeed("childcare:for the baby");
  ASSERT_TRUE(need.ok());
  EXPECT_EQ(need->kind(), v1::NEED_KIND_CHILDCARE);
  EXPECT_EQ(need->details(), "for the baby");
}

TEST(JourneyArguments, AvailabilityReadsTheAnswerAndTheMode) {
  auto a = ParseAvailability("s-2=if-need-be:remote");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->slot(), "s-2");
  EXPECT_EQ(a->answer(), v1::AVAILABILITY_ANSWER_IF_NEED_BE);
  EXPECT_EQ(a->mode(), v1::ATTENDANCE_MODE_REMOTE);
}

TEST(JourneyArguments, UnknownAnswerListsTheWords) {
  auto a = ParseAvailability("s-2=maybe");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("yes, if-need-be, no"), absl::string_view::npos)
      << a.status();
}

TEST(JourneyArguments, StaffNamesTheSubjectFirst) {
  auto staff = ParseStaff("mgr-ash, Ash Patel, fgc-service");
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(staff->subject(), "mgr-ash");
  EXPECT_EQ(staff->display_name(), "Ash Patel");
  EXPECT_EQ(staff->agency(), "fgc-service");
}

}  // namespace
}  // namespace fgc::ctl
