#include "services/scheduling/lifecycle/referral_validation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::FieldsOf;
using ::testing::IsEmpty;
using testing::ReasonOf;
using testing::ReferralTime;
using testing::ValidReferral;

TEST(ReferralValidation, AValidReferralPasses) {
  EXPECT_TRUE(ValidateNewConference(ValidReferral(), ReferralTime()).ok());
  EXPECT_TRUE(ValidateNewConference(ValidReferral(v1::URGENCY_URGENT), ReferralTime()).ok());
}

TEST(ReferralValidation, AnEmptyConferenceNamesEveryRequiredField) {
  const absl::Status status = ValidateNewConference(v1::Conference(), ReferralTime());
  EXPECT_EQ(ReasonOf(status), "INVALID_FIELD");
  EXPECT_THAT(FieldsOf(status), ElementsAre("conference.urgency", "conference.time_zone",
                                            "conference.referral", "conference.children"));
}

TEST(ReferralValidation, AnEmptyReferralNamesItsRequiredFields) {
  v1::Conference conference = ValidReferral();
  conference.mutable_referral()->Clear();
  EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
              ElementsAre("conference.referral.referring_agency", "conference.referral.referrer",
                          "conference.referral.concerns"));
}

TEST(ReferralValidation, UrgentNeedsAReason) {
  v1::Conference conference = ValidReferral(v1::URGENCY_URGENT);
  conference.mutable_referral()->clear_urgency_reason();
  EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
              ElementsAre("conference.referral.urgency_reason"));
}

TEST(ReferralValidation, TimeZoneMustBeAnIanaName) {
  for (const char* zone : {"Mars/Olympus", "/etc/passwd", "../../etc/passwd", "localtime",
                           "Europe/../Europe/London"}) {
    v1::Conference conference = ValidReferral();
    conference.set_time_zone(zone);
    EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
                ElementsAre("conference.time_zone"))
        << zone;
  }
}

TEST(ReferralValidation, LimitsAreChecked) {
  v1::Conference conference = ValidReferral();
  conference.mutable_referral()->set_concerns(std::string(20001, 'c'));
  conference.mutable_referral()->mutable_bottom_lines(0)->set_bottom_line_id("Not_An_Id");
  conference.mutable_referral()->mutable_referrer()->set_email("not-an-email");
  conference.mutable_children(0)->set_display_name("Sam\nSmith");
  conference.mutable_parental_responsibility(0)->set_language_code("english please");
  EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
              ElementsAre("conference.referral.referrer.email", "conference.referral.concerns",
                          "conference.referral.bottom_lines[0].bottom_line_id",
                          "conference.children[0].display_name",
                          "conference.parental_responsibility[0].language_code"));
}

TEST(ReferralValidation, ChildrenNeedRealPastBirthDates) {
  v1::Conference conference = ValidReferral();
  conference.mutable_children(0)->mutable_birth_date()->set_year(2026);
  conference.mutable_children(0)->mutable_birth_date()->set_month(2);
  conference.mutable_children(0)->mutable_birth_date()->set_day(30);
  v1::Child& unborn = *conference.add_children();
  unborn.set_display_name("Baby");
  *unborn.mutable_birth_date() = ToDate(absl::CivilDay(2026, 9, 1));
  EXPECT_THAT(
      FieldsOf(ValidateNewConference(conference, ReferralTime())),
      ElementsAre("conference.children[0].birth_date", "conference.children[1].birth_date"));
}

TEST(ReferralValidation, ContactsNeedAKindAndAValue) {
  v1::Conference conference = ValidReferral();
  v1::ResponsiblePerson& mother = *conference.mutable_parental_responsibility(0);
  mother.add_contacts()->set_value("jo@example.org");        // no kind
  mother.add_contacts()->set_kind(v1::CONTACT_KIND_MOBILE);  // no number
  mother.add_contacts()->set_kind(v1::CONTACT_KIND_POST);    // no address
  EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
              ElementsAre("conference.parental_responsibility[0].contacts[0].kind",
                          "conference.parental_responsibility[0].contacts[1].value",
                          "conference.parental_responsibility[0].contacts[2].postal_address"));
}

TEST(ReferralValidation, BottomLineIdsAreUnique) {
  v1::Conference conference = ValidReferral();
  conference.mutable_referral()->mutable_bottom_lines(0)->set_bottom_line_id("school");
  v1::BottomLine& second = *conference.mutable_referral()->add_bottom_lines();
  second.set_bottom_line_id("school");
  second.set_text("Sam sees a dentist.");
  EXPECT_THAT(FieldsOf(ValidateNewConference(conference, ReferralTime())),
              ElementsAre("conference.referral.bottom_lines[1].bottom_line_id"));
}

TEST(NewConference, StartsInReferralWithOnlyTheReferralsFields) {
  v1::Conference requested = ValidReferral();
  requested.set_stage(v1::STAGE_FOLLOW_UP);
  requested.set_overdue(true);
  *requested.mutable_coordinator() = testing::IndependentCoordinator();
  requested.add_transitions()->set_to_stage(v1::STAGE_CLOSED);
  const v1::Conference conference =
      NewConference(requested, testing::kConference, ReferralTime(), TimescaleConfig{});
  EXPECT_EQ(conference.name(), testing::kConference);
  EXPECT_EQ(conference.stage(), v1::STAGE_REFERRAL);
  EXPECT_FALSE(conference.has_coordinator());
  EXPECT_THAT(conference.transitions(), IsEmpty());
  EXPECT_FALSE(conference.overdue());
  EXPECT_EQ(ToAbslTime(conference.create_time()), ReferralTime());
  EXPECT_EQ(conference.referral().concerns(), requested.referral().concerns());
  EXPECT_EQ(conference.deadlines_size(), 2);  // acknowledge, hold the conference
}

}  // namespace
}  // namespace fgc::scheduling
